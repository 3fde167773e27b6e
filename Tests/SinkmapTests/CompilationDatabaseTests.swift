import Foundation
import SinkmapCore
import XCTest
@testable import ClangFrontend
import Exporters
import PathEngine
@testable import SinkmapKit
import SinkmapReport

/// A throw-away folder of files for one test, removed when the test ends. Paths are symlink-free.
final class TempTree {
    let root: String

    init(_ label: String = "sinkmap-test") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: base).resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let p = path(relative)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    /// Writes a compile_commands.json from entry dictionaries (serialized with JSONSerialization).
    @discardableResult
    func writeDatabase(_ relative: String, _ entries: [[String: Any]]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
        let p = path(relative)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: p))
        return p
    }
}

final class CompilationDatabaseTests: XCTestCase {
    static let llamaHeader = """
        #pragma once
        struct llama_context;
        int llama_decode(struct llama_context * ctx, int n_tokens);
        int llama_tokenize(const char * text, int n);
        """

    func describe(_ report: Report) -> String {
        "paths:\n  " + Scanning.lines(report).joined(separator: "\n  ")
            + "\ndiagnostics:\n  " + report.diagnostics.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0): \($0.severity): \($0.message)" }
            .joined(separator: "\n  ")
    }

    func scan(_ tree: TempTree, database: String, jobs: Int = 2) throws -> Report {
        try Scanning.scan(tree.root, jobs: jobs) { $0.compileCommandsFile = database }
    }

    // MARK: - Both entry forms, relative -I

    /// A file compiled several ways is that many units, each with its target (from CMake's `CMakeFiles/<t>.dir/`
    /// output path); the same flags twice are one. The report's stats and summary line say so.
    func testAFileCompiledTwiceIsTwoUnitsWithTheirTargets() throws {
        let tree = try TempTree()
        try tree.write("main.cpp", "int main() { return 0; }\n")
        let entry = { (define: String, target: String) -> [String: Any] in
            ["directory": tree.root, "file": "main.cpp",
             "arguments": ["c++", define, "-o", "CMakeFiles/\(target).dir/main.cpp.o", "-c", "main.cpp"]]
        }
        let db = try tree.writeDatabase("compile_commands.json", [entry("-DCLI", "cli"), entry("-DSHARED", "shared"), entry("-DCLI", "cli")])
        let jobs = try CompilationDatabase(path: db).jobs
        XCTAssertEqual(jobs.map(\.target), ["cli", "shared"])
        XCTAssertEqual(jobs.map { $0.arguments.contains("-DCLI") }, [true, false])
        let report = try Scanning.scan(tree.root)
        XCTAssertEqual(report.stats.translationUnits, 2)
        XCTAssertEqual(report.stats.filesCompiledSeveralTimes, ["main.cpp": 2])
        XCTAssert(TextExporter().render(report).contains("2 translation units (2 parsed, 0 with errors, 0 failed; 1 file compiled several times: 2 units, each scanned)"))
    }

    /// A database generated for another checkout lists files that are not here: the scan says so, naming the
    /// database and the first entry, instead of "no source files found". Its twin: one entry that is here scans.
    func testADatabaseForAnotherCheckoutSaysWhyNothingWasScanned() throws {
        let tree = try TempTree()
        try tree.write("main.cpp", "int main() { return 0; }\n")
        let entry = { (file: String) -> [String: Any] in
            ["directory": "/elsewhere/project", "file": file, "arguments": ["c++", "-c", file]]
        }
        let db = try tree.writeDatabase("compile_commands.json", [entry("/elsewhere/project/a.cpp"), entry("/elsewhere/project/b.cpp")])
        XCTAssertThrowsError(try Scanning.scan(tree.root)) { error in
            XCTAssertEqual(error as? ScanError, .input(
                "\(db): none of its 2 entries can be scanned; the first: /elsewhere/project/a.cpp: listed in the compilation database but not found"))
        }
        try tree.writeDatabase("compile_commands.json", [entry("/elsewhere/project/a.cpp"), entry(tree.path("main.cpp"))])
        XCTAssertEqual(try Scanning.scan(tree.root).stats.translationUnits, 1)
    }

    func testArgumentsFormResolvesRelativeIncludeAgainstEntryDirectory() throws {
        let t = try TempTree()
        // The header is only in proj/inc: `-I inc` must resolve against the entry's directory (proj), not the
        // process's working directory nor the folder of compile_commands.json (build/).
        try t.write("proj/inc/llama.h", Self.llamaHeader)
        try t.write("proj/src/main.c", """
            #include <llama.h>
            int main(void) {
                return llama_decode(0, 1);
            }
            """)
        let db = try t.writeDatabase("build/compile_commands.json", [[
            "directory": t.path("proj"),
            "file": "src/main.c",
            "arguments": ["cc", "-I", "inc", "-std=c11", "-o", "main.o", "-c", "src/main.c"],
        ]])
        let report = try scan(t, database: db)
        XCTAssertEqual(Scanning.lines(report), ["llama.cpp/decode: main -(direct)-> llama_decode"], describe(report))
        XCTAssertEqual(report.diagnostics, [], describe(report))
        let path = try XCTUnwrap(report.paths.first)
        XCTAssertEqual(path.frames.first?.call,
                       Frame.Call(file: "proj/src/main.c", line: 3, column: 12, kind: "direct"), describe(report))
        XCTAssertEqual(report.sinks.map { "\($0.function) \($0.file ?? "-"):\($0.line ?? 0)" },
                       ["llama_decode proj/inc/llama.h:3"])
        XCTAssertEqual(report.stats.translationUnits, 1)
    }

    func testCommandFormWithQuotedDefine() throws {
        let t = try TempTree()
        try t.write("inc/llama.h", Self.llamaHeader)
        // GREETING is `a b` only if the quoted argument stays one word.
        try t.write("src/main.c", """
            #include "llama.h"
            #define STR2(x) #x
            #define STR(x) STR2(x)
            _Static_assert(sizeof(STR(GREETING)) == 4, "GREETING must be the two tokens a b");
            int main(void) {
                return llama_tokenize(STR(GREETING), 3);
            }
            """)
        let db = try t.writeDatabase("compile_commands.json", [[
            "directory": t.root,
            "file": t.path("src/main.c"),
            "command": "/usr/bin/cc -DGREETING=\"a b\" -I inc -std=c11 -o main.o -c \(t.path("src/main.c"))",
        ]])
        let report = try scan(t, database: db)
        XCTAssertEqual(Scanning.lines(report), ["llama.cpp/tokenize: main -(direct)-> llama_tokenize"], describe(report))
        XCTAssertEqual(report.diagnostics, [], describe(report))
    }

    func testCommandFormWithEscapedStringLiteralDefine() throws {
        let t = try TempTree()
        try t.write("inc/llama.h", Self.llamaHeader)
        // CMake's spelling of a string-literal definition: -DGREETING=\"a\ b\" → the literal "a b".
        try t.write("src/main.c", """
            #include "llama.h"
            _Static_assert(sizeof(GREETING) == 4, "GREETING must be the string literal \\"a b\\"");
            int main(void) { return llama_tokenize(GREETING, 3); }
            """)
        let db = try t.writeDatabase("compile_commands.json", [[
            "directory": t.root,
            "file": "src/main.c",
            "command": #"cc -DGREETING=\"a\ b\" -Iinc -c src/main.c -o main.o"#,
        ]])
        let report = try scan(t, database: db)
        XCTAssertEqual(Scanning.lines(report), ["llama.cpp/tokenize: main -(direct)-> llama_tokenize"], describe(report))
        XCTAssertEqual(report.diagnostics, [], describe(report))
    }

    // MARK: - Macros

    func testDefineDecidesWhichCallsExist() throws {
        let t = try TempTree()
        try t.write("inc/llama.h", Self.llamaHeader)
        try t.write("src/main.c", """
            #include "llama.h"
            int run(void) {
            #ifdef USE_LLAMA
                return llama_decode(0, 1);
            #else
                return 0;
            #endif
            }
            int main(void) { return run(); }
            """)
        func database(_ extra: [String]) throws -> String {
            try t.writeDatabase("compile_commands.json", [[
                "directory": t.root, "file": "src/main.c",
                "arguments": ["clang", "-Iinc"] + extra + ["-c", "src/main.c"],
            ]])
        }
        let with = try scan(t, database: try database(["-DUSE_LLAMA"]))
        XCTAssertEqual(Scanning.lines(with), ["llama.cpp/decode: main -(direct)-> run -(direct)-> llama_decode"], describe(with))
        XCTAssertEqual(with.diagnostics, [], describe(with))

        let without = try scan(t, database: try database([]))
        XCTAssertEqual(Scanning.lines(without), [], describe(without))
        XCTAssertEqual(without.sinks, [], describe(without))
        XCTAssertEqual(without.diagnostics, [], describe(without))

        let undefined = try scan(t, database: try database(["-DUSE_LLAMA", "-UUSE_LLAMA"]))
        XCTAssertEqual(Scanning.lines(undefined), [], describe(undefined))
    }

    // MARK: - Argument cleaning

    func testCleanDropsCompilerOutputAndDependencyFlags() {
        XCTAssertEqual(CompilationDatabase.clean(
            ["cc", "-o", "x.o", "-c", "-MD", "-MF", "x.d", "-DA=1", "-I", "inc", "-std=c11", "src/x.c"],
            file: "src/x.c", absoluteFile: "/r/src/x.c"),
            ["-DA=1", "-I", "inc", "-std=c11"])
        XCTAssertEqual(CompilationDatabase.clean(
            ["/usr/bin/c++", "-MMD", "-MT", "obj/x.o", "-MQ", "q", "-MFx.d", "-ox.o", "-Iinc", "-O2", "-c",
             "/r/src/x.cpp", "-MP", "--serialize-diagnostics", "x.dia", "-MJ", "x.json"],
            file: "../src/x.cpp", absoluteFile: "/r/src/x.cpp"),
            ["-Iinc", "-O2"])
        // Flags that merely start like -o keep their meaning.
        // Not a flag libclang parses with (the allowlist drops it), and not mistaken for `-o` plus a value.
        XCTAssertEqual(CompilationDatabase.clean(["cc", "-objc-arc", "-fobjc-arc", "-c", "a.c"], file: "a.c", absoluteFile: "/a.c"),
                       ["-fobjc-arc"])
        XCTAssertEqual(CompilationDatabase.clean(["cc"], file: "a.c", absoluteFile: "/a.c"), [])
    }

    /// The allowlist keeps language flags and drops, naming them, flags that write files, load code or read inputs
    /// the tree chose — `-gen-cdb-fragment-path` began with `-g` and passed the old prefix filter.
    func testAllowlistKeepsLanguageFlagsAndNamesWhatItDrops() {
        var dropped = Set<String>()
        XCTAssertEqual(CompilationDatabase.clean(
            ["cc", "-g", "-gdwarf-4", "-gen-cdb-fragment-path", "/tmp/x", "-fno-exceptions", "-fplugin=x.so", "-fdepfile-entry=x",
             "-fvisibility=hidden", "-fno-builtin-malloc", "-fdiagnostics-color=always", "-mavx2", "-mllvm", "-x", "-Wall",
             "-Wl,-rpath", "-DA", "-fprofile-instr-generate=p", "-fmodules", "a.c"],
            file: "a.c", absoluteFile: "/a.c", dropped: &dropped),
            ["-fno-exceptions", "-fvisibility=hidden", "-fno-builtin-malloc", "-mavx2", "-Wall", "-DA"])
        XCTAssertEqual(dropped.sorted(), ["-Wl,-rpath", "-fdepfile-entry", "-fmodules", "-fplugin", "-fprofile-instr-generate",
                                          "-gen-cdb-fragment-path", "-mllvm"])
    }

    /// clang's driver loads X.pch (or X.gch) for `-include X` when it exists: such an -include is dropped.
    func testAnIncludeWithAPrecompiledHeaderBesideItIsDropped() throws {
        let t = try TempTree()
        try t.write("include/pre.h", "int pre(void);\n")
        try t.write("include/pre.h.gch", "binary")
        try t.write("include/plain.h", "int plain(void);\n")
        var dropped = Set<String>()
        XCTAssertEqual(CompilationDatabase.withoutImplicitPrecompiledHeaders(
            ["-include", t.path("include/pre.h"), "-include\(t.path("include/plain.h"))", "-include", t.path("include/plain.h")],
            dropped: &dropped),
            ["-include\(t.path("include/plain.h"))", "-include", t.path("include/plain.h")])
        XCTAssertEqual(dropped, ["-include \(t.path("include/pre.h")) (a precompiled pre.h.pch/.gch is beside it)"])
    }

    func testJobsCarryCleanArgumentsExtraArgumentsAndDirectory() throws {
        let t = try TempTree()
        try t.write("src/a.c", "int a(void) { return 0; }\n")
        let db = try t.writeDatabase("build/compile_commands.json", [
            ["directory": t.path("build"), "file": "../src/a.c",
             "arguments": ["cc", "-o", "a.o", "-c", "-MD", "-MF", "a.d", "-DX", "../src/a.c"]],
        ])
        let parsed = try CompilationDatabase(path: db, extraArguments: ["-w"])
        XCTAssertEqual(parsed.jobs, [CompileJob(file: t.path("src/a.c"), arguments: ["-DX", "-w"], directory: t.path("build"))])
        XCTAssertEqual(parsed.skipped, [])
    }

    /// Each way is a unit of its own (it used to be scanned once, the other way silently dropped), in a stable order
    /// whatever the entries' order.
    func testAFileCompiledTwoWaysIsTwoUnitsInAStableOrder() throws {
        let t = try TempTree()
        try t.write("a.c", "int a(void) { return 0; }\n")
        let entries: [[String: Any]] = [
            ["directory": t.root, "file": "a.c", "arguments": ["cc", "-DZ", "-c", "a.c"]],
            ["directory": t.root, "file": "a.c", "arguments": ["cc", "-DB", "-c", "a.c"]],
        ]
        for order in [entries, entries.reversed()] {
            let parsed = try CompilationDatabase(path: try t.writeDatabase("compile_commands.json", order))
            XCTAssertEqual(parsed.jobs.map(\.arguments), [["-DB"], ["-DZ"]])
        }
    }

    // MARK: - Bad databases

    func testMalformedJSONIsAnError() throws {
        let t = try TempTree()
        let db = try t.write("compile_commands.json", #"[{"directory": "/x", "file": "a.c", "arguments": ["cc"]"#)
        XCTAssertThrowsError(try CompilationDatabase(path: db)) { error in
            guard case .malformedCompilationDatabase(let path, _)? = error as? FrontendError else {
                return XCTFail("expected malformedCompilationDatabase, got \(error)")
            }
            XCTAssertEqual(path, db)
            XCTAssertTrue("\(error)".hasPrefix("\(db): not a valid compilation database: "), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix(#"Expected a JSON array of objects with "directory", "file" and "arguments" or "command""#), "\(error)")
        }
        // Through a scan it is an input error with the same message.
        XCTAssertThrowsError(try scan(t, database: db)) { error in
            guard case .input(let message)? = error as? ScanError else { return XCTFail("expected ScanError.input, got \(error)") }
            XCTAssertTrue(message.hasPrefix("\(db): not a valid compilation database: "), message)
        }
    }

    func testStructurallyWrongDatabasesSayWhatIsWrong() throws {
        let t = try TempTree()
        func reason(_ json: String) throws -> String? {
            let db = try t.write("compile_commands.json", json)
            do {
                _ = try CompilationDatabase(path: db)
                return nil
            } catch FrontendError.malformedCompilationDatabase(_, let reason) {
                return reason
            }
        }
        XCTAssertEqual(try reason(#"{"file": "a.c"}"#), "the top level is not an array")
        XCTAssertEqual(try reason(#"[{"directory": "/", "file": "/a.c", "arguments": ["cc"]}, {"directory": "/"}]"#),
                       #"entry 2 has no "file" string"#)
        XCTAssertEqual(try reason(#"[{"directory": "/", "file": "a.c"}]"#),
                       #"entry 1 (a.c) has neither "arguments" nor "command""#)
        XCTAssertThrowsError(try CompilationDatabase(path: t.path("nope/compile_commands.json"))) { error in
            guard case .unreadableCompilationDatabase(let path, _)? = error as? FrontendError else {
                return XCTFail("expected unreadableCompilationDatabase, got \(error)")
            }
            XCTAssertEqual(path, t.path("nope/compile_commands.json"))
        }
    }

    func testMissingFilesAreSkippedWithAWarning() throws {
        let t = try TempTree()
        try t.write("inc/llama.h", Self.llamaHeader)
        try t.write("src/main.c", "#include \"llama.h\"\nint main(void) { return llama_decode(0, 1); }\n")
        let db = try t.writeDatabase("compile_commands.json", [
            ["directory": t.root, "file": "src/gone.c", "arguments": ["cc", "-Iinc", "-c", "src/gone.c"]],
            ["directory": t.root, "file": "src/main.c", "arguments": ["cc", "-Iinc", "-c", "src/main.c"]],
            ["directory": t.root, "file": "src/also-gone.cpp", "command": "c++ -c src/also-gone.cpp"],
        ])
        let parsed = try CompilationDatabase(path: db)
        XCTAssertEqual(parsed.jobs.map(\.file), [t.path("src/main.c")])
        XCTAssertEqual(parsed.skipped, [
            "src/also-gone.cpp: listed in the compilation database but not found",
            "src/gone.c: listed in the compilation database but not found",
        ])
        let report = try scan(t, database: db)
        XCTAssertEqual(Scanning.lines(report), ["llama.cpp/decode: main -(direct)-> llama_decode"], describe(report))
        XCTAssertEqual(report.diagnostics, [
            Diagnostic(file: "compile_commands.json", line: nil, column: nil, severity: "warning",
                       message: "src/also-gone.cpp: listed in the compilation database but not found"),
            Diagnostic(file: "compile_commands.json", line: nil, column: nil, severity: "warning",
                       message: "src/gone.c: listed in the compilation database but not found"),
        ], describe(report))
        XCTAssertEqual(report.stats.translationUnits, 1)
    }

    func testOnlyMissingFilesMeansNothingToScan() throws {
        let t = try TempTree()
        let db = try t.writeDatabase("compile_commands.json", [
            ["directory": t.root, "file": "gone.c", "arguments": ["cc", "-c", "gone.c"]],
        ])
        XCTAssertThrowsError(try scan(t, database: db)) { error in
            XCTAssertEqual(error as? ScanError, .input(
                "\(db): none of its 1 entries can be scanned; the first: gone.c: listed in the compilation database but not found"))
        }
    }

    // MARK: - Determinism

    /// A small program over five files with cross-file calls, a static helper per file and a shared header.
    static func program(_ t: TempTree) throws -> [[String: Any]] {
        try t.write("inc/llama.h", llamaHeader)
        try t.write("inc/app.h", """
            #pragma once
            int step_a(int);
            int step_b(int);
            int step_c(int);
            int shared(int);
            """)
        try t.write("src/main.c", """
            #include "app.h"
            int main(void) { return step_a(1) + step_b(2) + step_c(3); }
            """)
        for (name, next) in [("a", "step_b(x)"), ("b", "step_c(x)"), ("c", "shared(x)")] {
            try t.write("src/\(name).c", """
                #include "app.h"
                #include "llama.h"
                static int helper(int x) { return llama_decode(0, x); }
                int step_\(name)(int x) { if (x > 9) return \(next); return helper(x) + llama_tokenize("t", x); }
                """)
        }
        try t.write("src/shared.c", """
            #include "app.h"
            #include "llama.h"
            int shared(int x) { return llama_decode(0, x) + step_a(x - 1); }
            """)
        return ["main", "a", "b", "c", "shared"].map { name in
            ["directory": t.root, "file": "src/\(name).c",
             "arguments": ["cc", "-Iinc", "-std=c11", "-o", "\(name).o", "-c", "src/\(name).c"]]
        }
    }

    func json(_ report: Report) throws -> String {
        var r = report
        r.stats.seconds = 0
        return try JSONExporter().render(r)
    }

    func testShuffledEntriesGiveByteIdenticalReports() throws {
        let t = try TempTree()
        let entries = try Self.program(t)
        let db = try t.writeDatabase("compile_commands.json", entries)
        let reference = try json(try scan(t, database: db))
        let report = try scan(t, database: db)
        XCTAssertEqual(report.diagnostics, [], describe(report))
        XCTAssertEqual(report.stats.translationUnits, 5)
        // The program really has paths to compare: three static helpers, each its own node.
        XCTAssertTrue(Scanning.lines(report).contains("llama.cpp/decode: main -(direct)-> step_a -(direct)-> helper@src/a.c -(direct)-> llama_decode"),
                      describe(report))
        XCTAssertTrue(Scanning.lines(report).contains("llama.cpp/decode: main -(direct)-> step_c -(direct)-> helper@src/c.c -(direct)-> llama_decode"),
                      describe(report))

        var rng = SeededGenerator(seed: 7)
        for round in 0..<4 {
            let shuffled = try t.writeDatabase("compile_commands.json", entries.shuffled(using: &rng))
            XCTAssertEqual(try json(try scan(t, database: shuffled)), reference, "round \(round) differs")
        }
        let reversed = try t.writeDatabase("compile_commands.json", entries.reversed())
        XCTAssertEqual(try json(try scan(t, database: reversed)), reference)
    }

    func testWorkerCountDoesNotChangeTheReport() throws {
        let t = try TempTree()
        let db = try t.writeDatabase("compile_commands.json", try Self.program(t))
        let one = try json(try scan(t, database: db, jobs: 1))
        let two = try json(try scan(t, database: db, jobs: 2))
        let eight = try json(try scan(t, database: db, jobs: 8))
        XCTAssertEqual(one, two)
        XCTAssertEqual(one, eight)
        XCTAssertTrue(one.contains(#""schema" : "sinkmap/v1""#), one)
    }

    // MARK: - ShellWords

    func testShellWordsSplit() {
        XCTAssertEqual(ShellWords.split("cc -DNAME=\"a b\" -c x.c"), ["cc", "-DNAME=a b", "-c", "x.c"])
        XCTAssertEqual(ShellWords.split(#"cc -DNAME=\"a\ b\" -c"#), ["cc", #"-DNAME="a b""#, "-c"])
        XCTAssertEqual(ShellWords.split(#"cc '-DNAME="a b"' x.c"#), ["cc", #"-DNAME="a b""#, "x.c"])
        XCTAssertEqual(ShellWords.split(#"cc "-DMSG=\"hi there\"" x.c"#), ["cc", #"-DMSG="hi there""#, "x.c"])
        XCTAssertEqual(ShellWords.split(#"'a\b' "c'd" e"f"'g'"#), [#"a\b"#, "c'd", "efg"])
        XCTAssertEqual(ShellWords.split("  cc\t-c \n x.c  "), ["cc", "-c", "x.c"])
        XCTAssertEqual(ShellWords.split(#"cc "" -I"my dir"/inc"#), ["cc", "", "-Imy dir/inc"])
        XCTAssertEqual(ShellWords.split(""), [])
        XCTAssertEqual(ShellWords.split("   "), [])
        XCTAssertEqual(ShellWords.split(#"a\ b"#), ["a b"])
        XCTAssertEqual(ShellWords.split(#"$HOME `x` *"#), ["$HOME", "`x`", "*"])
    }
}
