@testable import ClangFrontend
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// One table: each row adds one kind of bad input to a small healthy tree (main → handle → llama_decode) and runs
/// the built binary on it. Every row must end with a clear message about the bad input — a diagnostic naming the
/// file, or an error with file:line and its exit code — and, when the scan runs, the healthy tree's path intact.
final class BadInputTests: XCTestCase {
    static let healthyPath = "llama.cpp/decode: main -(direct)-> handle -(direct)-> llama_decode"

    /// What a row's run produced.
    struct Outcome {
        var run: BuiltBinary.Run
        var paths: [String] = []
        /// `file[:line[:column]]: severity: message`
        var diagnostics: [String] = []
        var translationUnits = 0
        var cacheCreated = false
        var tree: TempTree
        var describe: String { "\(run.all)\n--- paths\n\(paths.joined(separator: "\n"))\n--- diagnostics\n\(diagnostics.joined(separator: "\n"))" }
    }

    struct Case {
        var name: String
        var setup: (TempTree) throws -> Void
        /// Defaults to a JSON scan of the tree. A cache folder is added unless `--no-cache` is given: its existence
        /// shows that parsing started.
        var arguments: [String]? = nil
        var code: Int32 = 0
        /// Path lines (as `Scanning.lines` writes them) that must be found besides the healthy one.
        var paths: [String] = []
        /// Substrings that some diagnostic line must contain.
        var diagnostics: [String] = []
        /// Substrings stderr must contain (for errors that stop the run).
        var stderr: [String] = []
        /// The run must stop before parsing anything (no cache folder created).
        var beforeScanning = false
        var translationUnits: Int? = nil
        /// More checks; return a failure message or nil.
        var check: ((Outcome) throws -> String?)? = nil
        /// Run as this user (via runuser) — for permissions, which do not stop root.
        var asUser: String? = nil
    }

    static func healthyTree() throws -> TempTree {
        let t = try TempTree("sinkmap-bad-input")
        try t.write("include/llama.h", "int llama_decode(void * ctx, int n);\n")
        try t.write("src/main.c", "int handle(int);\nint main(void) { return handle(1); }\n")
        try t.write("src/handle.c", "#include \"llama.h\"\nint handle(int n) { return llama_decode(0, n); }\n")
        return t
    }

    /// The healthy tree's files as compilation database entries, plus `extra` (file, arguments).
    static func database(_ t: TempTree, extra: [(String, [String])] = [], flags: [String] = []) throws {
        let entries = [("src/main.c", flags), ("src/handle.c", flags)] + extra
        try t.writeDatabase("compile_commands.json", entries.map { file, args in
            ["directory": t.root, "file": file, "arguments": ["cc", "-Iinclude"] + args + ["-c", file]]
        })
    }

    static func write(_ t: TempTree, bytes: [UInt8], toRawPath raw: [UInt8]) throws {
        let fd = (raw + [0]).withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count + 1) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        close(fd)
    }

    static let cases: [Case] = [
        Case(name: "syntax errors: the parts that parse still give their paths", setup: { t in
            try t.write("src/broken.c", """
                #include "llama.h"
                int before(void) { return llama_decode(0, 2); }
                int broken(void) { return 1 + ; }
                int after(void) { int y = ; return llama_decode(0, 3); }
                int last(void) { return llama_decode(0, 5) }
                """)
        }, paths: ["llama.cpp/decode: after -(direct)-> llama_decode", "llama.cpp/decode: before -(direct)-> llama_decode",
                   "llama.cpp/decode: last -(direct)-> llama_decode"],
           diagnostics: ["src/broken.c:3:31: error: expected expression", "src/broken.c:5:43: error: expected ';'"]),

        Case(name: "a binary file with NUL bytes named .c", setup: { t in
            try Data((0..<40).flatMap { _ in Array(0...255) as [UInt8] } + [0, 0, 0]).write(to: URL(fileURLWithPath: t.path("src/blob.c")))
        }, diagnostics: ["src/blob.c:1:"], translationUnits: 3),

        Case(name: "an empty file", setup: { t in
            try Data().write(to: URL(fileURLWithPath: t.path("src/empty.c")))
        }, translationUnits: 3, check: { o in
            o.diagnostics.isEmpty ? nil : "an empty file is valid C: no diagnostic expected"
        }),

        Case(name: "Latin-1 bytes in comments and strings", setup: { t in
            try Data("#include \"llama.h\"\n/* caf\u{E9} \u{A9} */\nconst char * s = \"na\u{EF}ve\";\nint lat(void) { return llama_decode((void *)s, 4); }\n"
                .unicodeScalars.map { UInt8($0.value) }).write(to: URL(fileURLWithPath: t.path("src/latin1.c")))
        }, paths: ["llama.cpp/decode: lat -(direct)-> llama_decode"], check: { o in
            o.diagnostics.isEmpty ? nil : "Latin-1 in comments and strings is not an error"
        }),

        Case(name: "a 2 MB generated file", setup: { t in
            var text = "#include \"llama.h\"\n"
            for i in 0..<60_000 { text += "static int f\(i)(int x) { return x + \(i); }\n" }
            text += "int big_entry(void) { return llama_decode(0, f59999(1)); }\n"
            XCTAssertGreaterThan(text.utf8.count, 2 << 20)
            try t.write("src/big.c", text)
        }, paths: ["llama.cpp/decode: big_entry -(direct)-> llama_decode"]),

        Case(name: "a directory symlink loop", setup: { t in
            try FileManager.default.createDirectory(atPath: t.path("src/loop"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: t.path("src/loop/up"), withDestinationPath: "..")
            try FileManager.default.createSymbolicLink(atPath: t.path("src/loop/self"), withDestinationPath: ".")
            try FileManager.default.createSymbolicLink(atPath: t.path("src/loop/root"), withDestinationPath: t.root)
        }, translationUnits: 2, check: { o in
            o.diagnostics.isEmpty ? nil : "a symlink loop is walked once, silently"
        }),

        Case(name: "an unreadable file (permissions)", setup: { t in
            try t.write("src/secret.c", "#include \"llama.h\"\nint secret(void) { return llama_decode(0, 7); }\n")
            chmod(t.path("src/secret.c"), 0)
            // In process: the other user may not be able to start workers here (an unwritable /dev/null in some
            // containers); reading the file is the same either way.
        }, arguments: ["scan", ".", "--format", "json", "--no-cache", "--in-process"], diagnostics: ["src/secret.c: fatal: "],
           check: { o in o.diagnostics.contains { $0.hasPrefix("src/secret.c") && $0.contains("ermission denied") }
               ? nil : "the diagnostic for an unreadable file should say why (\"Permission denied\")" },
           asUser: "nobody"),

        Case(name: "a file deleted before it was parsed (listed in compile_commands.json, missing)", setup: { t in
            try database(t, extra: [("src/gone.c", [])])
        }, diagnostics: ["compile_commands.json: warning: src/gone.c: listed in the compilation database but not found"]),

        Case(name: "file names with spaces, quotes, < and >", setup: { t in
            try t.write("src/we ird 'q' \"dq\" <lt> >gt.c", "#include \"llama.h\"\nint spaced(void) { return llama_decode(0, 8); }\n")
        }, paths: ["llama.cpp/decode: spaced -(direct)-> llama_decode"], check: { o in
            o.run.stdout.contains(#""file" : "src/we ird 'q' \"dq\" <lt> >gt.c""#) ? nil : "the file name is not reported exactly"
        }),

        Case(name: "a file name that is not UTF-8", setup: { t in
            try write(t, bytes: Array("#include \"llama.h\"\nint latin(void) { return llama_decode(0, 9); }\n".utf8),
                      toRawPath: Array(t.path("src/caf").utf8) + [0xE9, 0xFF] + Array(".c".utf8))
        }, check: { o in o.diagnostics.contains { $0.contains("src/caf") && $0.contains("not valid UTF-8") }
            ? nil : "a source file whose name is not UTF-8 must be a diagnostic naming it" }),

        Case(name: "a malformed compile_commands.json", setup: { t in
            try t.write("compile_commands.json", "[{\"directory\": \"/\", \"file\": ")
        }, code: 4, stderr: ["compile_commands.json: not a valid compilation database"], beforeScanning: true),

        Case(name: "gcc-only flags in compile_commands.json", setup: { t in
            try database(t, flags: ["-fconserve-stack", "-mindirect-branch=thunk-extern", "-mrecord-mcount"])
        }, diagnostics: ["GCC-only flags libclang does not know were dropped", "-fconserve-stack", "-mindirect-branch=",
                         "-mrecord-mcount"],
           check: { o in o.diagnostics.contains { $0.contains(": error: unknown argument") }
               ? "compiler flags libclang does not know must be warnings (the file parsed fine), not errors" : nil }),

        Case(name: "a malformed sinkmap.yml", setup: { t in
            try t.write("sinkmap.yml", "sinks:\n  - id: a\n    category: [inference\n")
        }, code: 3, stderr: ["sinkmap.yml:4:1: not valid YAML"], beforeScanning: true),

        Case(name: "an invalid regular expression in sinkmap.yml", setup: { t in
            try t.write("sinkmap.yml", "sinks:\n  - id: acme\n    category: inference\n    pattern: \"^acme::(llm\"\n")
        }, code: 3, stderr: ["sinkmap.yml:4:14: '^acme::(llm' is not a valid regular expression"], beforeScanning: true),

        Case(name: "a sinkmap.yml nested deeply enough to overflow a recursive parser", setup: { t in
            try t.write("sinkmap.yml", "sinks:\n" + String(repeating: "- ", count: 50_000) + "x\n")
        }, code: 3, stderr: ["sinkmap.yml:2:399: nested more than 200 levels deep"], beforeScanning: true),

        Case(name: "a sinkmap.yml that is a FIFO (a read would block forever)", setup: { t in
            XCTAssertEqual(mkfifo(t.path("sinkmap.yml"), 0o644), 0)
        }, code: 3, stderr: ["sinkmap.yml: cannot read the configuration file: it is a FIFO, not a regular file"],
           beforeScanning: true),

        Case(name: "a malformed baseline (check)", setup: { t in
            try t.write("sinkmap-baseline.json", "{\"version\": 1, \"entries\": [{\"id\": 7}]")
        }, arguments: ["check", ".", "-q"], code: 3, stderr: ["sinkmap-baseline.json: not valid JSON"], beforeScanning: true),

        Case(name: "a malformed baseline (baseline leaves it unchanged)", setup: { t in
            try t.write("sinkmap-baseline.json", "{\"version\": 2, \"entries\": \"notes\"}")
        }, arguments: ["baseline", ".", "-q"], code: 3,
           stderr: ["sinkmap-baseline.json: tool: missing (left unchanged)"], beforeScanning: true, check: { o in
            try String(contentsOfFile: o.tree.path("sinkmap-baseline.json"), encoding: .utf8) == "{\"version\": 2, \"entries\": \"notes\"}"
                ? nil : "the unreadable baseline was overwritten"
        }),

        Case(name: "a baseline that is a FIFO (a read would block forever)", setup: { t in
            XCTAssertEqual(mkfifo(t.path("sinkmap-baseline.json"), 0o644), 0)
        }, arguments: ["check", ".", "-q"], code: 3,
           stderr: ["sinkmap-baseline.json: cannot read the baseline: it is a FIFO, not a regular file"], beforeScanning: true),
    ]

    func testEachBadInputGivesAClearMessageAndTheRestOfTheScan() throws {
        for row in Self.cases {
            try check(row)
        }
    }

    /// A file listed when the scan started but gone when its turn to be parsed came (the table covers a database
    /// naming a missing file): in a worker process and in process, a fatal diagnostic naming it, the rest parsed.
    func testAFileDeletedDuringTheScanIsADiagnosticAndTheRestIsParsed() throws {
        let t = try Self.healthyTree()
        try t.write("src/vanishing.c", "#include \"llama.h\"\nint gone(void) { return llama_decode(0, 1); }\n")
        let jobs = SourceTreeScanner(root: t.root).jobs().jobs
        XCTAssertEqual(jobs.count, 3)
        try FileManager.default.removeItem(atPath: t.path("src/vanishing.c"))
        var isolated = ParallelIndexer(root: t.root, workers: 2)
        isolated.isolation = BuiltBinary.sinkmap.map { ParallelIndexer.Isolation(executable: $0, timeout: 60) }
        XCTAssertNotNil(isolated.isolation)
        for indexer in [ParallelIndexer(root: t.root, workers: 2), isolated] {
            let units = indexer.run(jobs)
            let vanished = try XCTUnwrap(units.first { $0.file == "src/vanishing.c" }, "\(units.map(\.file))")
            XCTAssertTrue(vanished.failed)
            XCTAssertEqual(vanished.diagnostics.map(\.severity), [.fatal], "\(vanished.diagnostics)")
            XCTAssertEqual(vanished.diagnostics.first?.file, "src/vanishing.c")
            XCTAssertEqual(units.filter(\.failed).count, 1, "the other files are parsed")
            XCTAssertTrue(units.contains { $0.file == "src/handle.c" && !$0.functions.isEmpty })
        }
    }

    private func check(_ row: Case) throws {
        let t = try Self.healthyTree()
        try row.setup(t)
        let cache = t.path(".cache-for-test")
        var arguments = row.arguments ?? ["scan", ".", "--format", "json"]
        if !arguments.contains("--no-cache") { arguments += ["--cache-dir", cache] }
        let run: BuiltBinary.Run
        if let user = row.asUser, geteuid() == 0 {
            guard let as_ = try runAs(user, arguments, tree: t) else {
                print("note: skipped \"\(row.name)\": tests run as root, where permissions do not stop reads, and "
                      + "`runuser -u \(user)` is not available to run sinkmap as another user")
                return
            }
            run = as_
        } else {
            run = try BuiltBinary.run(arguments, in: t.root, timeout: 120)
        }
        var outcome = Outcome(run: run, tree: t)
        outcome.cacheCreated = FileManager.default.fileExists(atPath: cache)
        if arguments.first == "scan", run.code == 0 {
            let report = try XCTUnwrap(try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                                       "\(row.name): no JSON report\n\(run.all)")
            outcome.paths = (report["paths"] as? [[String: Any]] ?? []).map(Self.line).sorted()
            outcome.diagnostics = (report["diagnostics"] as? [[String: Any]] ?? []).map {
                let at = [$0["file"] as? String, ($0["line"] as? Int).map(String.init), ($0["column"] as? Int).map(String.init)]
                    .compactMap { $0 }.joined(separator: ":")
                return "\(at): \($0["severity"] as? String ?? "?"): \($0["message"] as? String ?? "?")"
            }
            outcome.translationUnits = (report["stats"] as? [String: Any])?["translationUnits"] as? Int ?? -1
        }
        let what = "\(row.name)\n\(outcome.describe)"
        XCTAssertEqual(run.code, row.code, what)
        if row.code == 0 && arguments.first == "scan" {
            XCTAssertTrue(outcome.paths.contains(Self.healthyPath), "the rest of the scan was lost: \(what)")
        }
        for path in row.paths { XCTAssertTrue(outcome.paths.contains(path), "missing path \(path): \(what)") }
        for d in row.diagnostics {
            XCTAssertTrue(outcome.diagnostics.contains { $0.contains(d) }, "no diagnostic containing \(d): \(what)")
        }
        for s in row.stderr { XCTAssertTrue(run.stderr.contains(s), "stderr lacks \(s): \(what)") }
        if row.code != 0 { XCTAssertEqual(run.stdout, "", what) }
        if row.beforeScanning { XCTAssertFalse(outcome.cacheCreated, "parsing started: \(what)") }
        if let n = row.translationUnits { XCTAssertEqual(outcome.translationUnits, n, what) }
        if let check = row.check, let failure = try check(outcome) { XCTFail("\(failure): \(what)") }
    }

    /// Runs the built binary as `user` (root is not stopped by permissions). Nil when that is not possible here.
    private func runAs(_ user: String, _ arguments: [String], tree: TempTree) throws -> BuiltBinary.Run? {
        guard let runuser = ExternalTool.locate("runuser"), let binary = BuiltBinary.sinkmap else { return nil }
        // The user must be able to reach the tree; arguments name it absolutely (runuser keeps no working folder).
        chmod(tree.root, 0o755)
        let absolute = arguments.map { $0 == "." ? tree.root : $0 }
        let r = try ExternalTool.run(runuser, ["-u", user, "--", "env", "NO_COLOR=1", "HOME=/nonexistent", binary] + absolute)
        if r.code == 1 && r.stderr.contains("runuser:") { return nil }
        return BuiltBinary.Run(stdout: r.text, stderr: r.stderr, code: r.code)
    }

    static func line(_ path: [String: Any]) -> String {
        let rule = (path["sink"] as? [String: Any])?["rule"] as? String ?? "?"
        let frames = path["frames"] as? [[String: Any]] ?? []
        var s = "\(rule): "
        for (i, frame) in frames.enumerated() {
            s += frame["function"] as? String ?? "?"
            if i < frames.count - 1 { s += " -(\((frame["call"] as? [String: Any])?["kind"] as? String ?? "?"))-> " }
        }
        return s
    }
}
