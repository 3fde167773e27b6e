@testable import ClangFrontend
import Foundation
import SinkmapKit
import SinkmapReport
import XCTest

/// Scanning real builds as they are (issue 14): the libclang sinkmap runs on, `-std=` spellings newer than it,
/// GCC-only flags, per-language flags, units that fail said loudly (exit 8), and trees without a database.
final class RealBuildTests: XCTestCase {
    func sinkmap(_ arguments: [String], in directory: String) throws -> BuiltBinary.Run {
        try BuiltBinary.run(arguments, in: directory)
    }

    // MARK: - The libclang sinkmap runs on

    func testVersionNamesTheLibclangItRunsOn() throws {
        let r = try sinkmap(["--version"], in: NSTemporaryDirectory())
        XCTAssertEqual(r.code, 0, r.all)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, SinkmapVersion.current, r.all)
        XCTAssertEqual(lines.dropFirst().first, "libclang: " + TranslationUnitIndexer.libclangVersion, r.all)
        XCTAssertGreaterThanOrEqual(ClangVersion.loadedMajor, 14, r.all)
    }

    func testTheReportRecordsTheLibclang() throws {
        let report = try Scanning.scan(Repo.fixture("direct-calls-across-files"))
        XCTAssertEqual(report.tool.libclang, TranslationUnitIndexer.libclangVersion)
        XCTAssertTrue(report.tool.libclang?.contains("clang version \(ClangVersion.loadedMajor).") ?? false)
    }

    func testTheMajorVersionIsReadFromTheName() {
        XCTAssertEqual(ClangVersion.major(of: "Debian clang version 19.1.7 (3~deb12u1)"), 19)
        XCTAssertEqual(ClangVersion.major(of: "Debian clang version 14.0.6"), 14)
        XCTAssertEqual(ClangVersion.major(of: "Apple clang version 15.0.0 (clang-1500.3.9.4)"), 15)
        XCTAssertEqual(ClangVersion.major(of: "no version here"), 0)
    }

    // MARK: - -std= spellings

    func testStandardSpellingsMapToTheNearestTheLibclangKnows() {
        func at(_ major: Int, _ value: String) -> String? { StandardSpelling.nearest(value, major: major) }
        XCTAssertEqual(at(14, "gnu++23"), "gnu++2b")
        XCTAssertEqual(at(14, "c++23"), "c++2b")
        XCTAssertEqual(at(14, "c++26"), "c++2b")
        XCTAssertEqual(at(14, "gnu++2c"), "gnu++2b")
        XCTAssertEqual(at(14, "c23"), "c2x")
        XCTAssertEqual(at(14, "gnu23"), "gnu2x")
        XCTAssertEqual(at(17, "c23"), "c2x")
        XCTAssertEqual(at(18, "c2y"), "c23")
        // Known spellings are left alone.
        for value in ["gnu++17", "c++20", "c++2b", "c17", "gnu11", "c2x"] { XCTAssertNil(at(14, value), value) }
        for value in ["gnu++23", "c++23", "c++26", "c++2c", "c23", "gnu23", "c2y"] { XCTAssertNil(at(19, value), value) }
        var changed = Set<String>()
        XCTAssertEqual(StandardSpelling.adapt(["-DX", "-std=gnu++23", "--std=c23"], major: 14, changed: &changed),
                       ["-DX", "-std=gnu++2b", "--std=c2x"])
        XCTAssertEqual(changed, ["-std=gnu++23 → -std=gnu++2b", "-std=c23 → -std=c2x"])
    }

    /// The fixture's units parse on whichever libclang this is; the note says what was renamed, only when it was.
    func testANewStandardInTheDatabaseIsParsedAndNotedOnce() throws {
        let report = try Scanning.scan(Repo.fixture("compile-database-new-standard"))
        XCTAssertEqual(report.stats.failedTranslationUnits, 0)
        XCTAssertEqual(report.stats.translationUnitsWithErrors, 0)
        XCTAssertEqual(report.stats.parsedTranslationUnits, 3)
        let notes = report.diagnostics.filter { $0.message.contains("does not know these -std= spellings") }
        if ClangVersion.loadedMajor < 17 {
            XCTAssertEqual(notes.count, 1, "\(report.diagnostics)")
            XCTAssertTrue(notes.first?.message.contains("-std=gnu++23 → -std=gnu++2b") ?? false, "\(notes)")
            XCTAssertTrue(notes.first?.message.contains("-std=c23 → -std=c2x") ?? false, "\(notes)")
        } else {
            XCTAssertEqual(notes.count, 0, "\(notes)")
        }
        let gcc = report.diagnostics.filter { $0.message.hasPrefix("GCC-only flags") }
        XCTAssertEqual(gcc.map(\.file), ["compile_commands.json"])
        XCTAssertTrue(gcc.first?.message.hasSuffix(": -fconcepts-diagnostics-depth= -fno-fat-lto-objects -mno-direct-extern-access") ?? false,
                      "\(gcc)")
    }

    // MARK: - GCC-only flags

    func testGCCOnlyFlagsAreDroppedAndNamedApartAndTargetFlagsStay() {
        var dropped = Set<String>(), gcc = Set<String>()
        let kept = CompilationDatabase.clean(
            ["g++", "-mavx2", "-mno-direct-extern-access", "-fconcepts-diagnostics-depth=3", "-fno-fat-lto-objects",
             "-mindirect-branch=thunk-extern", "-fconserve-stack", "-fplugin=evil.so", "-fexceptions", "-DX=1", "a.cpp"],
            file: "a.cpp", absoluteFile: "/t/a.cpp", dropped: &dropped, gccOnly: &gcc)
        XCTAssertEqual(kept, ["-mavx2", "-fexceptions", "-DX=1"])
        XCTAssertEqual(gcc, ["-mno-direct-extern-access", "-fconcepts-diagnostics-depth=", "-fno-fat-lto-objects",
                             "-mindirect-branch=", "-fconserve-stack"])
        // The allowlist still names the rest.
        XCTAssertEqual(dropped, ["-fplugin"])
    }

    // MARK: - Per-language flags and standards

    func testExtraArgumentsPerLanguageAndTheStandardOfUnitsThatNameNone() throws {
        let t = try TempTree("sinkmap-lang")
        try t.write("a.c", "int a(void) { return 0; }\n")
        try t.write("b.cpp", "int b() { return 0; }\n")
        try t.writeDatabase("compile_commands.json", [
            ["directory": t.root, "file": "a.c", "arguments": ["cc", "-c", "a.c"]],
            ["directory": t.root, "file": "b.cpp", "arguments": ["c++", "-c", "b.cpp"]],
        ])
        var flags = LanguageFlags()
        flags.extraC = ["-DONLY_C"]
        flags.extraCXX = ["-DONLY_CXX"]
        flags.standardCXX = "gnu++20"
        let db = try CompilationDatabase(path: t.path("compile_commands.json"), extraArguments: ["-DALL"], languageFlags: flags)
        let byFile = Dictionary(uniqueKeysWithValues: db.jobs.map { (($0.file as NSString).lastPathComponent, $0.arguments) })
        XCTAssertEqual(byFile["a.c"], ["-DONLY_C", "-DALL"])
        XCTAssertEqual(byFile["b.cpp"], ["-std=gnu++20", "-DONLY_CXX", "-DALL"])

        var scanner = SourceTreeScanner(root: t.root, extraArguments: ["-DALL"])
        flags.standardC = "c17"
        scanner.languageFlags = flags
        let walked = Dictionary(uniqueKeysWithValues: scanner.jobs().jobs.map { (($0.file as NSString).lastPathComponent, $0.arguments) })
        XCTAssertEqual(walked["a.c"]?.prefix(3), ["-x", "c", "-std=c17"])
        XCTAssertEqual(walked["a.c"]?.suffix(2), ["-DONLY_C", "-DALL"])
        XCTAssertEqual(walked["b.cpp"]?.prefix(3), ["-x", "c++", "-std=gnu++20"])
        XCTAssertEqual(walked["b.cpp"]?.suffix(2), ["-DONLY_CXX", "-DALL"])
    }

    /// `--extra-arg-cxx` decides a C++ unit's calls and leaves the C unit alone; `--std` is checked.
    func testPerLanguageFlagsOnTheCommandLine() throws {
        let t = try TempTree("sinkmap-lang-cli")
        try t.write("include/llama.h", "#ifdef __cplusplus\nextern \"C\" {\n#endif\nint llama_decode(void * c, int n);\n#ifdef __cplusplus\n}\n#endif\n")
        try t.write("src/main.cpp", "#include \"llama.h\"\nint main() {\n#ifdef USE_MODEL\n    return llama_decode(0, 1);\n#else\n    return 0;\n#endif\n}\n")
        try t.write("src/tool.c", "#include \"llama.h\"\nint tool(void) {\n#ifdef USE_MODEL\n    return llama_decode(0, 2);\n#else\n    return 0;\n#endif\n}\n")
        let r = try sinkmap(["scan", ".", "--no-cache", "-q", "--format", "json", "--extra-arg-cxx=-DUSE_MODEL", "--std", "c++20"], in: t.root)
        XCTAssertEqual(r.code, 0, r.all)
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        XCTAssertEqual(report.paths.map { $0.entry.function }, ["main"], r.all)
        let bad = try sinkmap(["scan", ".", "--std", "c++20", "--std", "gnu++17"], in: t.root)
        XCTAssertEqual(bad.code, 2, bad.all)
        let junk = try sinkmap(["scan", ".", "--std", "c++20;rm"], in: t.root)
        XCTAssertEqual(junk.code, 2, junk.all)
    }

    /// sinkmap.yml comes with the tree: its flags pass the compilation database's allowlist.
    func testConfigurationFlagsPassTheAllowlist() throws {
        let t = try TempTree("sinkmap-lang-config")
        try t.write("sinkmap.yml", """
            parse:
              extra-args-cxx: ["-DUSE_MODEL", "-fplugin=./evil.so", "-fno-fat-lto-objects"]
              std-cxx: gnu++20
              max-failed-share: 50
            """)
        let config = try Configuration.load(path: t.path("sinkmap.yml"))
        XCTAssertEqual(config.parse.extraArgsCXX, ["-DUSE_MODEL", "-fplugin=./evil.so", "-fno-fat-lto-objects"])
        XCTAssertEqual(config.parse.standardCXX, "gnu++20")
        XCTAssertEqual(config.parse.maxFailedShare, 50)
        try t.write("include/llama.h", "int llama_decode(void * c, int n);\n")
        try t.write("src/main.cpp", "#include \"llama.h\"\nint main() {\n#ifdef USE_MODEL\n    return llama_decode(0, 1);\n#else\n    return 0;\n#endif\n}\n")
        let report = try Scanning.scan(t.root)
        XCTAssertEqual(report.paths.map { $0.entry.function }, ["main"])
        let notes = report.diagnostics.filter { $0.file == "sinkmap.yml" }.map(\.message)
        XCTAssertEqual(notes.count, 2, "\(notes)")
        XCTAssertTrue(notes.contains { $0.hasSuffix("allowlist as a compilation database's): -fplugin") }, "\(notes)")
        XCTAssertTrue(notes.contains { $0.hasSuffix(": -fno-fat-lto-objects") }, "\(notes)")

        for (yaml, message) in [
            ("parse:\n  std-cxx: c17\n", "sinkmap.yml:2:12: 'std-cxx' must be a C++ standard"),
            ("parse:\n  extra-args: [DUSE]\n", "sinkmap.yml:2:16: 'DUSE' is not a compiler flag"),
            ("parse:\n  max-failed-share: 150\n", "sinkmap.yml:2:21: 'max-failed-share' must be a whole percentage"),
            ("parse:\n  extra-arg: [-DX]\n", "sinkmap.yml:2:3: unknown key 'extra-arg' under 'parse'"),
        ] {
            XCTAssertThrowsError(try Configuration.parse(yaml, file: "sinkmap.yml")) { e in
                XCTAssertTrue("\(e)".hasPrefix(message), "\(e)")
            }
        }
    }

    // MARK: - Failed units are loud

    /// A tree whose database names a standard no libclang knows: every unit fails.
    func failingTree(good: Int = 0, bad: Int = 2) throws -> TempTree {
        let t = try TempTree("sinkmap-failing")
        try t.write("include/llama.h", "int llama_decode(void * c, int n);\n")
        var entries: [[String: Any]] = []
        for i in 0..<(good + bad) {
            try t.write("src/u\(i).cpp", "#include \"llama.h\"\nint f\(i)() { return llama_decode(0, \(i)); }\n")
            entries.append(["directory": t.root, "file": "src/u\(i).cpp",
                            "arguments": ["c++", "-Iinclude", i < good ? "-std=c++17" : "-std=c++47", "-c", "src/u\(i).cpp"]])
        }
        try t.writeDatabase("compile_commands.json", entries)
        return t
    }

    func testEveryUnitFailedExitsEightAndStillWritesTheReport() throws {
        let t = try failingTree()
        let r = try sinkmap(["scan", ".", "--no-cache", "-q", "--format", "json", "-o", "report.json"], in: t.root)
        XCTAssertEqual(r.code, 8, r.all)
        XCTAssertTrue(r.stderr.contains("sinkmap: warning: 2 of 2 translation units failed to parse and are not in the report"), r.all)
        XCTAssertTrue(r.stderr.contains("sinkmap: error: every translation unit (2) failed to parse"), r.all)
        let report = try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: t.path("report.json"))))
        XCTAssertEqual(report.stats.failedTranslationUnits, 2)
        XCTAssertEqual(report.stats.parsedTranslationUnits, 0)
        let text = try sinkmap(["scan", ".", "--no-cache", "-q"], in: t.root)
        XCTAssertEqual(text.code, 8, text.all)
        XCTAssertTrue(text.stdout.hasPrefix("sinkmap \(SinkmapVersion.current) — 2 translation units (0 parsed, 0 with errors, 2 failed), "), text.all)
        // A baseline of nothing is not written.
        let baseline = try sinkmap(["baseline", "."], in: t.root)
        XCTAssertEqual(baseline.code, 8, baseline.all)
        XCTAssertTrue(baseline.stderr.contains("the baseline was not written"), baseline.all)
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path("sinkmap-baseline.json")))
    }

    func testAShareOfFailedUnitsIsAFailureOnlyWhenAsked() throws {
        let t = try failingTree(good: 2, bad: 1)
        let plain = try sinkmap(["scan", ".", "--no-cache", "-q"], in: t.root)
        XCTAssertEqual(plain.code, 0, plain.all)
        XCTAssertTrue(plain.stdout.hasPrefix("sinkmap \(SinkmapVersion.current) — 3 translation units (2 parsed, 0 with errors, 1 failed), "), plain.all)
        XCTAssertTrue(plain.stderr.contains("sinkmap: warning: 1 of 3 translation units failed to parse"), plain.all)
        let share = try sinkmap(["scan", ".", "--no-cache", "-q", "--max-failed-share", "30"], in: t.root)
        XCTAssertEqual(share.code, 8, share.all)
        XCTAssertTrue(share.stderr.contains("1 of 3 translation units failed to parse (more than 30 %, --max-failed-share)"), share.all)
        XCTAssertEqual(try sinkmap(["scan", ".", "--no-cache", "-q", "--max-failed-share", "40"], in: t.root).code, 0)
        try t.write("sinkmap.yml", "parse:\n  max-failed-share: 10\n")
        XCTAssertEqual(try sinkmap(["scan", ".", "--no-cache", "-q"], in: t.root).code, 8)
        try FileManager.default.removeItem(atPath: t.path("sinkmap.yml"))
        // --strict: any failed unit is a failure.
        let strict = try sinkmap(["scan", ".", "--no-cache", "-q", "--strict"], in: t.root)
        XCTAssertEqual(strict.code, 5, strict.all)
        XCTAssertTrue(strict.stderr.contains("1 translation unit had errors or failed (--strict): 3 translation units: 2 parsed, 0 with errors, 1 failed"), strict.all)
    }

    // MARK: - Zero-config trees

    func testTheWalkAddsParentFoldersWhereQuotedIncludesResolve() throws {
        let t = try TempTree("sinkmap-parents")
        try t.write("examples/common.h", "#include \"common-extra.h\"\nint common(void);\n")
        try t.write("examples/common-extra.h", "#include \"deep.h\"\n")
        try t.write("deep.h", "int deep(void);\n")
        try t.write("examples/cli/cli.c", "#include \"common.h\"\n#include \"missing.h\"\nint main(void) { return common(); }\n")
        try t.write("examples/cli/local.h", "\n")
        try t.write("examples/bench/bench.c", "#include \"local2.h\"\nint bench(void) { return 0; }\n")
        try t.write("examples/bench/local2.h", "\n")
        let jobs = SourceTreeScanner(root: t.root).jobs().jobs
        let cli = try XCTUnwrap(jobs.first { $0.file.hasSuffix("cli.c") })
        // examples/ (for common.h); deep.h is at the root, searched already; missing.h is nowhere.
        XCTAssertEqual(cli.arguments.suffix(4), ["-I", t.path("examples/cli"), "-I", t.path("examples")])
        let bench = try XCTUnwrap(jobs.first { $0.file.hasSuffix("bench.c") })
        XCTAssertEqual(bench.arguments.suffix(2), ["-I", t.path("examples/bench")])
    }

    func testSourcesForOtherTargetsAreSkippedUnlessAsked() throws {
        let t = try TempTree("sinkmap-targets")
        for file in ["src/main.c", "src/arch/x86/k.c", "src/arch/arm/k.c", "src/arch/riscv/k.c", "wasm/w.cpp",
                     "examples/whisper.android/jni/j.c", "src/coreml/e.mm", "ggml/src/ggml-cuda/c.cpp",
                     "ggml/src/ggml-vulkan/v.cpp"] {
            try t.write(file, "int x;\n")
        }
        let scanned = SourceTreeScanner(root: t.root).jobs()
        let names = scanned.jobs.map { String($0.file.dropFirst(t.root.count + 1)) }
        #if arch(x86_64)
        XCTAssertEqual(names, ["src/arch/x86/k.c", "src/main.c"])
        #endif
        XCTAssertEqual(scanned.skipped.count + scanned.jobs.count, 9)
        var all = SourceTreeScanner(root: t.root)
        all.allTargets = true
        XCTAssertEqual(all.jobs().jobs.count, 9)
    }
}
