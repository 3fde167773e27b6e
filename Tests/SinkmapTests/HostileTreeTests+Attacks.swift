import CClang
import Foundation
import XCTest

/// Issue 19's attacks, one test each, on a tree generated here: a temporary folder holding the scanned `tree/`
/// and, beside it, `outside/` — files the tree may point at but must never get into an output — all removed
/// afterwards. Every run is checked the same way (`AttackLab.check`): its exact exit code; no byte of an outside
/// file (each holds `AttackLab.secret`) in what it printed or wrote; no file created, changed or removed anywhere
/// in the temporary folder except where the test allows; no raw control or invisible character on a terminal
/// stream; and its wall time and peak memory (sinkmap and its workers, from `wait4`) under a bound.
extension HostileTreeTests {
    // MARK: 1. Compile-database flags that write files

    func testAttack1_CompileDatabaseFlagsCannotMakeLibclangWriteAnywhere() throws {
        let lab = try AttackLab()
        try lab.write("tree/links", symlinkTo: lab.path("outside"))
        let flags = ["-gen-cdb-fragment-path", lab.path("outside"), "-gen-cdb-fragment-path", "links",
                     "-gen-cdb-fragment-path", ".", "-gen-cdb-fragment-path", "../outside", "-MJ", "../outside/mj.json",
                     "-MD", "-MF", "../outside/dep.d", "-o", "../outside/a.o", "-fmodules", "-fmodules-cache-path=../outside/mc",
                     "-fprofile-instr-generate=../outside/p.profraw", "-ftime-trace", "-Xclang", "-header-include-file",
                     "-Xclang", "../outside/headers.txt", "-save-temps=obj", "--serialize-diagnostics", "../outside/d.dia"]
        try lab.database([["directory": lab.path("tree"), "file": "src/main.c",
                           "arguments": ["cc", "-Iinclude"] + flags + ["-c", "src/main.c"]]])
        let run = try lab.sinkmap(["scan", ".", "--format", "json", "--no-cache", "-q"])
        lab.check(run, code: 0)
        XCTAssertTrue(run.stdout.contains("\"function\" : \"handler\""), run.all)
        XCTAssertTrue(run.stdout.contains("-gen-cdb-fragment-path"), "the dropped flag is named in the note: \(run.all)")
    }

    // MARK: 2. A precompiled header beside an -include

    func testAttack2_APrecompiledHeaderBesideAnIncludeIsNeverLoaded() throws {
        let lab = try AttackLab()
        // The .pch is built from a header nothing includes: its code reaches a scan only if the .pch is loaded.
        try lab.write("tree/build/pch-source.h", "int llama_decode(void * ctx, int n);\nstatic int pch_only_function(void) { return llama_decode(0, 42); }\n")
        try lab.write("tree/include/pre.h", "int visible_from_pre(void);\n")
        try AttackLab.precompile(lab.path("tree/build/pch-source.h"), to: lab.path("tree/include/pre.h.pch"))
        try lab.write("tree/src/main.c", "int handler(void) { return pch_only_function(); }\n")
        try lab.database([["directory": lab.path("tree"), "file": "src/main.c",
                           "arguments": ["cc", "-include", "include/pre.h", "-c", "src/main.c"]]])
        let run = try lab.sinkmap(["scan", ".", "--format", "json", "--no-cache", "-q"])
        lab.check(run, code: 0)
        XCTAssertFalse(run.stdout.contains("llama_decode"), "code that exists only in the .pch was loaded: \(run.all)")
        XCTAssertTrue(run.stdout.contains("-include \(lab.path("tree/include/pre.h")) (a precompiled pre.h.pch/.gch is beside it)"), run.all)
    }

    // MARK: 3. Links out of the tree in the walk

    func testAttack3_FolderAndFileLinksOutOfTheTreeAreNotWalked() throws {
        let lab = try AttackLab()
        try lab.write("tree/src/usr", symlinkTo: "/usr")
        try lab.write("tree/src/proc", symlinkTo: "/proc")
        try lab.write("tree/src/root", symlinkTo: "/")
        try lab.write("tree/src/passwd.c", symlinkTo: "/etc/passwd")
        try lab.write("tree/src/secret.c", symlinkTo: lab.path("outside/secret.c"))
        let run = try lab.sinkmap(["scan", ".", "--format", "json", "--no-cache", "-q"], timeout: 30)
        lab.check(run, code: 0)
        XCTAssertEqual(AttackLab.translationUnits(run.stdout), 1, run.all)
        let out = "a symbolic link to outside the scanned tree; not followed (--follow-external-links follows it)"
        XCTAssertEqual(AttackLab.diagnostics(run.stdout), [
            "src/passwd.c: \(out)", "src/proc: leads to a special filesystem (/proc, /sys, /dev); not walked",
            "src/root: \(out)", "src/secret.c: \(out)", "src/usr: \(out)",
        ], run.all)
        XCTAssertFalse(run.stdout.contains("/etc/passwd"), run.all)

        // Followed on request, except a special filesystem.
        let followed = try AttackLab()
        try followed.write("tree/src/ext", symlinkTo: followed.path("outside/lib"))
        try followed.write("outside/lib/lib.c", "int lib_function(void) { return 0; }\n")
        try followed.write("tree/src/proc", symlinkTo: "/proc/self")
        let run2 = try followed.sinkmap(["scan", ".", "--format", "json", "--no-cache", "-q", "--follow-external-links"], timeout: 30)
        followed.check(run2, code: 0, allowSecret: true)
        XCTAssertEqual(AttackLab.translationUnits(run2.stdout), 2, run2.all)
        XCTAssertEqual(AttackLab.diagnostics(run2.stdout), ["src/proc: leads to a special filesystem (/proc, /sys, /dev); not walked"], run2.all)
    }

    // MARK: 4. --output, sinkmap.yml, the baseline and the cache through links out of the tree

    func testAttack4_OutputsConfigurationAndBaselineThroughLinksOutOfTheTree() throws {
        let lab = try AttackLab()
        try lab.write("tree/reports", symlinkTo: lab.path("outside"))
        let scan = try lab.sinkmap(["scan", ".", "--format", "sarif", "--output", "reports/out.sarif", "--no-cache", "-q"])
        lab.check(scan, code: 6)
        XCTAssertEqual(scan.stderr, "sinkmap: error: reports/out.sarif: cannot write the report: \(lab.path("tree/reports")) is a symbolic link to outside the scanned tree (--follow-external-links allows it)\n")
        // --split-by writes into the --output folder: a folder that is a link out of the tree is refused the same way.
        let split = try lab.sinkmap(["scan", ".", "--format", "dot", "--split-by", "sink", "--output", "reports", "--no-cache", "-q"])
        lab.check(split, code: 6)
        XCTAssertEqual(split.stderr, "sinkmap: error: reports: cannot write the report: \(lab.path("tree/reports")) is a symbolic link to outside the scanned tree (--follow-external-links allows it)\n")
        let baseline = try lab.sinkmap(["baseline", ".", "--output", "reports/b.json", "--no-cache", "-q"])
        lab.check(baseline, code: 3)
        XCTAssertTrue(baseline.stderr.contains("is a symbolic link to outside the scanned tree"), baseline.all)

        try lab.write("tree/sinkmap-baseline.json", symlinkTo: lab.path("outside/baseline.json"))
        let check = try lab.sinkmap(["check", ".", "--no-cache", "-q"])
        lab.check(check, code: 3)
        XCTAssertEqual(check.stderr, "sinkmap: error: sinkmap-baseline.json: cannot read the baseline: \(lab.path("tree/sinkmap-baseline.json")) is a symbolic link to outside the scanned tree (--follow-external-links allows it)\n")

        try lab.write("tree/sinkmap.yml", symlinkTo: lab.path("outside/sinkmap.yml"))
        let config = try lab.sinkmap(["scan", ".", "--no-cache", "-q"])
        lab.check(config, code: 3)
        XCTAssertEqual(config.stderr, "sinkmap: error: sinkmap.yml: a symbolic link to a file outside the scanned tree; not read (--follow-external-links reads it, or pass --config)\n")
        let sinks = try lab.sinkmap(["sinks", "."])
        lab.check(sinks, code: 3)
        XCTAssertEqual(sinks.stderr, config.stderr)
        try FileManager.default.removeItem(atPath: lab.path("tree/sinkmap.yml"))

        try lab.write("tree/build/compile_commands.json", symlinkTo: lab.path("outside/secret.c"))
        let database = try lab.sinkmap(["scan", ".", "--no-cache", "-q"])
        lab.check(database, code: 4)
        XCTAssertEqual(database.stderr, "sinkmap: error: build/compile_commands.json: a symbolic link to a file outside the scanned tree; not read (--follow-external-links reads it, or pass --compile-commands)\n")
        try FileManager.default.removeItem(atPath: lab.path("tree/build/compile_commands.json"))

        try lab.write("tree/cachelink", symlinkTo: lab.path("outside"))
        let cache = try lab.sinkmap(["scan", ".", "--format", "json", "--cache-dir", "cachelink/cache", "-q"])
        lab.check(cache, code: 0)
        XCTAssertTrue(cache.stdout.contains("no cache was used"), cache.all)
    }

    // MARK: 5. Outside files named by the tree

    func testAttack5_OutsideFilesNeverGetTheirContentsIntoAnOutput() throws {
        let lab = try AttackLab()
        // A macro from an outside header, expanded in the tree: the error is in main.c, its words in macro.h.
        try lab.write("outside/macro.h", "#define LEAK \(AttackLab.secret)_from_a_macro\n")
        try lab.write("tree/src/main.c", """
            #include "llama.h"
            #include "\(lab.path("outside/secrets.env"))"
            #include "\(lab.path("outside/macro.h"))"
            int leak(void) { return LEAK; }
            int handler(void) { return llama_decode(0, 1); }
            """)
        try lab.database([
            ["directory": lab.path("tree"), "file": "src/main.c",
             "arguments": ["cc", "-Iinclude", "-I/", "-include", lab.path("outside/secrets.env"), "-c", "src/main.c"]],
            ["directory": lab.path("outside"), "file": "secret.c", "arguments": ["cc", "-c", "secret.c"]],
            ["directory": lab.path("tree"), "file": lab.path("outside/secret.c"), "arguments": ["cc", "-c", "x.c"]],
        ])
        for format in ["text", "json", "sarif", "html"] {
            let run = try lab.sinkmap(["scan", ".", "--format", format, "--no-cache", "-q"])
            lab.check(run, code: 0)
            XCTAssertTrue(run.stdout.contains("handler"), run.all)
            if format == "text" {
                XCTAssertTrue(run.stdout.contains("\(lab.path("outside/secrets.env")):1:"), "located: \(run.all)")
                XCTAssertTrue(run.stdout.contains("a diagnostic about a file outside the scanned tree (message withheld: it would quote that file)"), run.all)
                XCTAssertTrue(run.stdout.contains("secret.c: listed in the compilation database but outside the scanned tree"), run.all)
            }
            if format == "sarif" {
                XCTAssertFalse(run.stdout.replacingOccurrences(of: "\"uri\" : \"file:///\"", with: "").contains("file://"),
                               "an absolute file:// URI: \(run.stdout)")
                XCTAssertTrue(run.stdout.contains("\"uriBaseId\" : \"OUTSIDE_SRCROOT\""), run.stdout)
                XCTAssertTrue(run.stdout.contains("\"uriBaseId\" : \"%SRCROOT%\""), run.stdout)
            }
        }
    }

    // MARK: 6. Memory and CPU time

    func testAttack6_AMacroBombStopsAtTheMemoryLimitAndASpinAtTheCPULimit() throws {
        let lab = try AttackLab()
        var bomb = "#define A0 x\n"
        for i in 1...40 { bomb += "#define A\(i) A\(i - 1) A\(i - 1)\n" }
        try lab.write("tree/src/bomb.c", bomb + "int bomb(void) { int x = 0; return A40; }\n")
        try lab.write("tree/src/spin.c", "#pragma clang __debug overflow_stack\nint spin(void);\n")
        let run = try lab.sinkmap(["scan", ".", "--tu-memory", "256", "--tu-cpu-time", "2", "--strict", "--no-cache", "-q", "-j", "2"],
                                  timeout: 40, peakMiB: 768)
        lab.check(run, code: 5)
        XCTAssertTrue(run.stdout.contains("  src/bomb.c: fatal: libclang used more than 256 MiB on this file (--tu-memory); the file was skipped\n"), run.all)
        XCTAssertTrue(run.stdout.contains("  src/spin.c: fatal: libclang used more than 2 s of CPU time on this file (--tu-cpu-time); the file was skipped\n"), run.all)
        XCTAssertTrue(run.stdout.contains("handler"), "the other files are still scanned: \(run.all)")
    }

    // MARK: 7. Exponential names and oversized units

    func testAttack7_ExponentialNamesAreTruncatedAndOversizedUnitsAreNotStored() throws {
        let lab = try AttackLab()
        var types = "int llama_decode(void * ctx, int n);\ntemplate <class A, class B> struct P { int run() { return llama_decode(0, 1); } };\ntypedef int T0;\n"
        for i in 1...14 { types += "typedef P<T\(i - 1), T\(i - 1)> T\(i);\n" }
        try lab.write("tree/src/types.cpp", types + "int grow(T14 x) { return x.run(); }\nint use() { T14 t; return grow(t); }\n")
        let graph = try lab.sinkmap(["graph", ".", "-q", "--cache-dir", "cache"])
        lab.check(graph, code: 0)
        XCTAssertLessThan(graph.stdout.utf8.count, 256 << 10, "the graph grows with the type names")
        XCTAssertTrue(graph.stdout.contains("…[truncated: "), graph.stdout)
        let longest = graph.stdout.split(separator: "\"").map { $0.utf8.count }.max() ?? 0
        XCTAssertLessThanOrEqual(longest, 4096, "a string longer than the 4 KiB bound")
        XCTAssertLessThan(AttackLab.size(ofFolder: lab.path("tree/cache")), 256 << 10, "the cache grows with the type names")

        var many = "int llama_decode(void * ctx, int n);\n#define CAT2(a, b) a##b\n#define CAT(a, b) CAT2(a, b)\n"
        many += "#define D0 int CAT(f_, __COUNTER__)(void) { return llama_decode(0, 1); }\n"
        for i in 1...13 { many += "#define D\(i) D\(i - 1) D\(i - 1)\n" }
        try lab.write("tree/src/many.c", many + "D13\n")
        let scan = try lab.sinkmap(["scan", ".", "--tu-facts", "1", "--strict", "-q", "--cache-dir", "cache"])
        lab.check(scan, code: 5)
        XCTAssertTrue(scan.stdout.contains("  src/many.c: fatal: the facts of this file take more than 1 MiB (--tu-facts); they were not kept and the file was skipped\n"), scan.all)
    }

    // MARK: 8. Patterns

    func testAttack8_PatternsRunInLinearTimeAndConfigurationsAreBounded() throws {
        let lab = try AttackLab()
        let long = String(repeating: "a", count: 200)
        try lab.write("tree/src/main.c", """
            #include "llama.h"
            int \(long)zz(void) { return llama_decode(0, 1); }
            int handler(void) { return \(long)zz(); }
            """)
        try lab.write("tree/sinkmap.yml", """
            sinks:
              - {id: backtrack, category: inference, pattern: "(.*a){12}y"}
            entries:
              - {kind: root, pattern: "(.*a){12}y"}
            """)
        lab.check(try lab.sinkmap(["scan", ".", "--no-cache", "-q"], timeout: 20), code: 0)

        var huge = "sinks:\n  - id: many\n    category: inference\n    patterns: ["
        huge += (0..<300_000).map { "^f\($0)$" }.joined(separator: ", ") + "]\n"
        try lab.write("tree/sinkmap.yml", huge)
        let refused = try lab.sinkmap(["scan", ".", "--no-cache", "-q"], timeout: 20)
        lab.check(refused, code: 3)
        XCTAssertEqual(refused.stderr, "sinkmap: error: sinkmap.yml:4:15: more than 10000 patterns; at most 10000 are allowed (list exact names under 'functions:' instead: they cost no matching time)\n")

        try lab.write("tree/src/generated.c", (0..<500).map { "int g\($0)_\(long)(void) { return \($0); }\n" }.joined())
        var most = "sinks:\n  - id: many\n    category: inference\n    patterns:\n"
        most += (0..<9_990).map { "      - \"^f_\($0)_\(long)$\"\n" }.joined()
        try lab.write("tree/sinkmap.yml", most)
        lab.check(try lab.sinkmap(["scan", ".", "--no-cache", "-q"], timeout: 30), code: 0)

        for (pattern, message) in [
            (String(repeating: "a", count: 1001), "longer than 1000 bytes (1001); patterns are bounded"),
            ("((a{100}){100}){100}", "too complex for a pattern"),
        ] {
            try lab.write("tree/sinkmap.yml", "sinks:\n  - {id: x, category: inference, pattern: \"\(pattern)\"}\n")
            let run = try lab.sinkmap(["scan", ".", "--no-cache", "-q"])
            lab.check(run, code: 3)
            XCTAssertTrue(run.stderr.hasPrefix("sinkmap: error: sinkmap.yml:2:"), run.all)
            XCTAssertTrue(run.stderr.contains(message), run.all)
        }
    }

    // MARK: 9. Terminal output

    func testAttack9_InProcessLibclangOutputAndInvisibleCharactersNeverReachTheTerminalRaw() throws {
        let lab = try AttackLab()
        try lab.write("tree/src/main.c", """
            #include "llama.h"
            #define EVIL "\u{1B}[31mred\u{07}\u{202E}"
            #pragma clang __debug macro EVIL
            const char * s = EVIL;
            #pragma clang __debug dump s
            int zw_\u{200B}_ok(void) { return llama_decode(0, 1); }
            int bom_\u{FEFF}_x(void) { return zw_\u{200B}_ok(); }
            int handler(void) { return bom_\u{FEFF}_x(); }
            """)
        for mode in [["--in-process"], []] {
            // The path starts at an uncalled root: --show-roots prints its witness, every frame's name.
            let run = try lab.sinkmap(["scan", ".", "--no-cache", "-q", "--show-roots"] + mode)
            lab.check(run, code: 0)
            XCTAssertTrue(run.stdout.contains("zw_\\u{200b}_ok"), run.all)
            XCTAssertTrue(run.stdout.contains("bom_\\u{feff}_x"), run.all)
            XCTAssertEqual(run.stderr, "", "libclang's own output reached stderr: \(run.stderr.debugDescription)")
        }
    }
}

/// A temporary folder with the scanned `tree/` and an `outside/` the tree must never reach.
final class AttackLab {
    /// In every outside file: an identifier that clang quotes in "use of undeclared identifier".
    static let secret = "OUTSIDE_SECRET_f00d"
    let base: TempTree
    private var before: [String: String] = [:]

    init() throws {
        base = try TempTree("sinkmap-attack")
        try write("tree/include/llama.h", "#pragma once\nint llama_decode(void * ctx, int n);\n")
        try write("tree/src/main.c", "#include \"llama.h\"\nint handler(void) { return llama_decode(0, 1); }\n")
        for name in ["secrets.env", "secret.c", "sinkmap.yml", "baseline.json"] {
            try write("outside/\(name)", "\(Self.secret): \(Self.secret) = \(Self.secret)_value;\n")
        }
    }

    func path(_ relative: String) -> String { base.path(relative) }

    func write(_ relative: String, _ text: String) throws { try base.write(relative, text) }

    func write(_ relative: String, symlinkTo target: String) throws {
        try FileManager.default.createDirectory(atPath: (path(relative) as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    func database(_ entries: [[String: Any]]) throws { try base.writeDatabase("tree/compile_commands.json", entries) }

    struct Run {
        var stdout: String
        var stderr: String
        var code: Int32
        var seconds: Double
        var peakMiB: Int
        var all: String { "exit \(code), \(seconds) s, \(peakMiB) MiB\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
        var timeBound: Double
        var memoryBound: Int
    }

    /// Runs sinkmap in `tree/` (stdin closed, NO_COLOR), its output in files outside the temporary folder's
    /// watched part; the peak is the largest resident set of sinkmap and of every worker it reaped.
    func sinkmap(_ arguments: [String], timeout: Double = 20, peakMiB: Int = 1024) throws -> Run {
        guard let binary = BuiltBinary.sinkmap else { throw XCTSkip("sinkmap is not built") }
        before = snapshot()
        let scratch = try TempTree("sinkmap-attack-run")
        let out = scratch.path("stdout"), err = scratch.path("stderr")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let tree = path("tree")
        let argv = [binary] + arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["PWD"] = tree
        let cargv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cenv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cargv + cenv).forEach { free($0) } }
        // posix_spawn has no working directory: change ours for the instant of the spawn.
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(tree)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, binary, &actions, nil, cargv, cenv)
        FileManager.default.changeCurrentDirectoryPath(previous)
        guard status == 0 else { throw NSError(domain: "spawn", code: Int(status)) }
        let started = Date()
        var wstatus: Int32 = 0
        var usage = rusage()
        while true {
            let r = wait4(pid, &wstatus, WNOHANG, &usage)
            if r == pid { break }
            if Date().timeIntervalSince(started) > timeout * 2 { kill(pid, SIGKILL) }
            usleep(10_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let code = (wstatus & 0x7f) == 0 ? (wstatus >> 8) & 0xff : 128 + (wstatus & 0x7f)
        return Run(stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
                   code: code, seconds: seconds, peakMiB: Int(usage.ru_maxrss) / 1024,
                   timeBound: timeout, memoryBound: peakMiB)
    }

    /// The checks every attack shares (see the suite's comment). Files may appear only inside `tree/`, and only
    /// where sinkmap writes: its outputs, its cache. `allowSecret`: the test followed links out on purpose.
    func check(_ run: Run, code: Int32, allowSecret: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.code, code, run.all, file: file, line: line)
        XCTAssertLessThan(run.seconds, run.timeBound, "too slow: \(run.all)", file: file, line: line)
        XCTAssertLessThan(run.peakMiB, run.memoryBound, "too much memory: \(run.all)", file: file, line: line)
        for (stream, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
            if !allowSecret { XCTAssertFalse(text.contains(Self.secret), "\(stream) quotes an outside file: \(run.all)", file: file, line: line) }
            if let raw = Hostile.rawControl(in: text) {
                // JSON-based formats escape: only text outputs reach a terminal; all are checked.
                XCTFail("\(stream) carries \(raw)", file: file, line: line)
            }
        }
        let after = snapshot()
        for (name, stamp) in after where before[name] != stamp {
            let allowed = name.hasPrefix("tree/cache") || name.hasPrefix("tree/.sinkmap-cache")
            XCTAssertTrue(allowed, "\(name) was \(before[name] == nil ? "created" : "changed") by: \(run.all)", file: file, line: line)
            if !allowSecret, let text = try? String(contentsOfFile: path(name), encoding: .utf8) {
                XCTAssertFalse(text.contains(Self.secret), "\(name) quotes an outside file", file: file, line: line)
            }
        }
        for name in before.keys where after[name] == nil {
            XCTFail("\(name) was removed by: \(run.all)", file: file, line: line)
        }
    }

    /// Every file, link and folder under the temporary folder (links not followed): files and links with their
    /// size and modification time, folders by their existence only (their time changes with their entries).
    func snapshot() -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ relative: String) {
            let full = relative.isEmpty ? base.root : path(relative)
            var st = stat()
            guard lstat(full, &st) == 0 else { return }
            let isFolder = (st.st_mode & S_IFMT) == S_IFDIR
            if !relative.isEmpty {
                out[relative] = isFolder ? "folder" : "\(st.st_mode):\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
            }
            guard isFolder else { return }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? [] {
                walk(relative.isEmpty ? name : relative + "/" + name)
            }
        }
        walk("")
        return out
    }

    /// The report's diagnostics as `file: message`.
    static func diagnostics(_ json: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [] }
        return (object["diagnostics"] as? [[String: Any]] ?? []).map { "\($0["file"] as? String ?? "?"): \($0["message"] as? String ?? "?")" }
    }

    static func translationUnits(_ json: String) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let stats = object["stats"] as? [String: Any] else { return nil }
        return stats["translationUnits"] as? Int
    }

    static func size(ofFolder folder: String) -> Int {
        let names = FileManager.default.subpaths(atPath: folder) ?? []
        return names.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0)
        }
    }

    /// A real precompiled header, written by libclang itself (no clang binary needed).
    static func precompile(_ header: String, to output: String) throws {
        let index = clang_createIndex(0, 0)
        defer { clang_disposeIndex(index) }
        let args = ["-x", "c-header"]
        let cargs = args.map { strdup($0) }
        defer { cargs.forEach { free($0) } }
        var unit: CXTranslationUnit?
        let status = cargs.map { UnsafePointer<CChar>($0) }.withUnsafeBufferPointer {
            clang_parseTranslationUnit2(index, header, $0.baseAddress, Int32(args.count), nil, 0,
                                        CXTranslationUnit_ForSerialization.rawValue, &unit)
        }
        guard status == CXError_Success, let unit else { throw NSError(domain: "precompile", code: Int(status.rawValue)) }
        defer { clang_disposeTranslationUnit(unit) }
        guard clang_saveTranslationUnit(unit, output, 0) == 0 else { throw NSError(domain: "precompile-save", code: 1) }
    }
}
