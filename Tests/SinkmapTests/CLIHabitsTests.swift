import Exporters
import Foundation
import SinkmapReport
import XCTest

/// What a command-line user expects of any tool: a file written is said, a mistyped command or flag gets the closest
/// one, files can be given as absolute URIs, shell completion and a man page exist and match the binary.
final class CLIHabitsTests: XCTestCase {
    func run(_ arguments: [String], in directory: String = Repo.root) throws -> BuiltBinary.Run {
        try BuiltBinary.run(arguments, in: directory, timeout: 300)
    }

    /// A saved report (the canned one) in a fresh folder, for commands that render without scanning.
    func savedReport() throws -> TempTree {
        let tree = try TempTree("sinkmap-habits")
        try JSONExporter().encode(CannedReport.value).write(to: URL(fileURLWithPath: tree.path("report.json")))
        return tree
    }

    // MARK: - "wrote FILE"

    func testEveryFileWrittenWithOutputIsSaidOnStderrAsTyped() throws {
        let tree = try savedReport()
        let export = try run(["export", "--from", "report.json", "--format", "sarif", "-o", "out/../paths.sarif"], in: tree.root)
        XCTAssertEqual(export.code, 0, export.all)
        XCTAssertEqual(export.stdout, "", export.all)
        XCTAssertEqual(export.stderr, "sinkmap: wrote out/../paths.sarif\n", export.all)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tree.path("paths.sarif")))

        let scan = try run(["scan", Repo.fixture("direct-calls-across-files"), "-q", "--no-cache", "--format", "json",
                            "--output", "scan.json"], in: tree.root)
        XCTAssertEqual(scan.code, 0, scan.all)
        XCTAssertEqual(scan.stderr, "sinkmap: wrote scan.json\n", scan.all)

        let paths = try run(["paths", "--report", "scan.json", "--to", "llama_decode", "-o", "decode.txt"], in: tree.root)
        XCTAssertEqual(paths.code, 0, paths.all)
        XCTAssertEqual(paths.stderr, "sinkmap: wrote decode.txt\n", paths.all)

        // To stdout: nothing said.
        let stdout = try run(["export", "--from", "report.json", "--format", "json"], in: tree.root)
        XCTAssertEqual(stdout.code, 0, stdout.all)
        XCTAssertEqual(stdout.stderr, "", stdout.all)
        XCTAssertFalse(stdout.stdout.isEmpty)
    }

    // MARK: - Did you mean

    func testAnUnknownSubcommandNamesTheClosestAndTheCommands() throws {
        let typo = try run(["scna", "."])
        XCTAssertEqual(typo.code, 2, typo.all)
        XCTAssertEqual(typo.stdout, "")
        XCTAssertEqual(typo.stderr, """
            sinkmap: error: unknown command 'scna'; did you mean 'scan'?
            Commands: scan, sinks, baseline, check, export, graph, suggest, paths. See 'sinkmap --help'.

            """, typo.all)
        let sink = try run(["sink"])
        XCTAssertEqual(sink.code, 2, sink.all)
        XCTAssertTrue(sink.stderr.hasPrefix("sinkmap: error: unknown command 'sink'; did you mean 'sinks'?\n"), sink.all)
        let far = try run(["frobnicate"])
        XCTAssertEqual(far.code, 2, far.all)
        XCTAssertEqual(far.stderr, """
            sinkmap: error: unknown command 'frobnicate'
            Commands: scan, sinks, baseline, check, export, graph, suggest, paths. See 'sinkmap --help'.

            """, far.all)
        // Real commands and `help` pass.
        XCTAssertEqual(try run(["help", "scan"]).code, 0)
    }

    /// swift-argument-parser already names the closest flag; the exit code is sinkmap's usage error.
    func testAnUnknownFlagNamesTheClosest() throws {
        let r = try run(["scan", "--formt", "json"])
        XCTAssertEqual(r.code, 2, r.all)
        XCTAssertTrue(r.stderr.hasPrefix("Error: Unknown option '--formt'. Did you mean '--format'?\n"), r.all)
        let export = try run(["export", "--from", "x.json", "--focus-entyr", "main"])
        XCTAssertEqual(export.code, 2, export.all)
        XCTAssertTrue(export.stderr.hasPrefix("Error: Unknown option '--focus-entyr'. Did you mean '--focus-entry'?\n"), export.all)
    }

    /// A sink rule id a few edits away from one in the report gets it (`--focus`).
    func testAnUnknownFocusRuleNamesTheClosest() throws {
        let tree = try savedReport()
        let r = try run(["export", "--from", "report.json", "--format", "dot", "--focus", "llama.cpp/decod"], in: tree.root)
        XCTAssertEqual(r.code, 2, r.all)
        XCTAssertEqual(r.stderr, "sinkmap: error: --focus llama.cpp/decod: no sink rule with that id in the report (rules with paths: llama.cpp/decode, llama.cpp/model-load, onnxruntime/run); did you mean 'llama.cpp/decode'?\n", r.all)
    }

    // MARK: - --source-base

    func sarifBase(_ text: String) throws -> [String: Any] {
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let bases = try XCTUnwrap(run["originalUriBaseIds"] as? [String: Any])
        return try XCTUnwrap(bases["%SRCROOT%"] as? [String: Any])
    }

    func testSourceBaseGivesTheRootAnAbsoluteURIInSARIFAndJSON() throws {
        let tree = try savedReport()
        let cases: [(String, String)] = [
            ("/home/ci/src/app", "file:///home/ci/src/app/"),
            ("/home/ci/src/my app/", "file:///home/ci/src/my%20app/"),
            ("/home/ci/src/./app/../app", "file:///home/ci/src/app/"),
            ("checkout", "file://\(tree.root)/checkout/"),
            ("https://github.com/acme/app/blob/4f2c1e0", "https://github.com/acme/app/blob/4f2c1e0/"),
            ("file:///src/app/", "file:///src/app/"),
        ]
        for (given, uri) in cases {
            let sarif = try run(["export", "--from", "report.json", "--format", "sarif", "--source-base", given], in: tree.root)
            XCTAssertEqual(sarif.code, 0, sarif.all)
            let base = try sarifBase(sarif.stdout)
            XCTAssertEqual(base["uri"] as? String, uri, given)
            let json = try run(["export", "--from", "report.json", "--format", "json", "--source-base", given], in: tree.root)
            XCTAssertEqual(try JSONExporter.decode(Data(json.stdout.utf8)).sourceBase, uri, given)
        }
        // Without it, the report is the same on every checkout: no base URI anywhere.
        let plain = try run(["export", "--from", "report.json", "--format", "sarif"], in: tree.root)
        XCTAssertNil(try sarifBase(plain.stdout)["uri"])
        XCTAssertEqual(try sarifBase(plain.stdout)["description"] as? [String: String], ["text": "The scanned source tree (\(CannedReport.value.root))"])
        let json = try run(["export", "--from", "report.json", "--format", "json"], in: tree.root)
        XCTAssertFalse(json.stdout.contains("sourceBase"))
    }

    func testASourceBaseThatCannotBeABaseIsAUsageError() throws {
        let tree = try savedReport()
        let cases: [(String, String)] = [
            ("https://example.com/app?ref=main", "must not have a query or fragment (files are appended to it)"),
            ("https://example.com/my app/", "is not a URI (percent-encode spaces and non-ASCII characters, or give a folder)"),
            ("", "is empty or holds a control character"),
        ]
        for (given, problem) in cases {
            let r = try run(["export", "--from", "report.json", "--format", "sarif", "--source-base", given], in: tree.root)
            XCTAssertEqual(r.code, 2, r.all)
            XCTAssertTrue(r.stderr.hasPrefix("Error: --source-base \(given): \(problem); give a folder (/home/ci/src/app) or an absolute URI (file:///src/app/)\n"), r.all)
        }
    }

    func testScanAndCheckTakeSourceBaseToo() throws {
        let tree = try TempTree("sinkmap-habits-scan")
        let scan = try run(["scan", Repo.fixture("direct-calls-across-files"), "-q", "--no-cache", "--format", "json",
                            "--source-base", "/src/app"], in: tree.root)
        XCTAssertEqual(scan.code, 0, scan.all)
        XCTAssertEqual(try JSONExporter.decode(Data(scan.stdout.utf8)).sourceBase, "file:///src/app/")
        let baseline = try run(["baseline", Repo.fixture("direct-calls-across-files"), "-q", "--no-cache", "-o", "b.json"], in: tree.root)
        XCTAssertEqual(baseline.code, 0, baseline.all)
        let check = try run(["check", Repo.fixture("direct-calls-across-files"), "-q", "--no-cache", "--baseline", "b.json",
                             "--format", "sarif", "--source-base", "/src/app"], in: tree.root)
        XCTAssertEqual(check.code, 0, check.all)
        XCTAssertEqual(try sarifBase(check.stdout)["uri"] as? String, "file:///src/app/")
    }

    // MARK: - Shell completion and man page

    /// Docs/completions holds what swift-argument-parser generates from this binary (`make docs` rewrites it).
    func testTheCommittedCompletionScriptsAreTheBinarys() throws {
        for (shell, file) in [("bash", "sinkmap.bash"), ("zsh", "_sinkmap"), ("fish", "sinkmap.fish")] {
            let r = try run(["--generate-completion-script", shell])
            XCTAssertEqual(r.code, 0, r.all)
            let committed = try String(contentsOfFile: Repo.root + "/Docs/completions/" + file, encoding: .utf8)
            XCTAssertEqual(committed, r.stdout, "Docs/completions/\(file) is not what this sinkmap generates: run make docs")
            XCTAssertTrue(committed.contains("source-base"), file)
        }
    }

    /// Docs/man/sinkmap.1 is generated by swift-argument-parser's GenerateManual plugin (`make docs`), which needs a
    /// build of its own; the test reads the binary's help as that plugin does (`--experimental-dump-help`) and
    /// requires every subcommand, visible flag and help text of it in the page, and no other subcommand or flag. (The
    /// plugin lists hidden subcommands too: the internal `__worker` is in the page, described as internal.)
    func testTheCommittedManPageHasEveryCommandFlagAndHelpText() throws {
        let page = try String(contentsOfFile: Repo.root + "/Docs/man/sinkmap.1", encoding: .utf8)
        let lines = Set(page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        XCTAssertTrue(page.hasPrefix(".\\\" \"Generated by swift-argument-parser\"\n"), "not generated")
        let dump = try run(["--experimental-dump-help"])
        XCTAssertEqual(dump.code, 0, dump.all)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var commands: [String] = [], flags = Set<String>()
        func visit(_ command: [String: Any], depth: Int) {
            let name = command["commandName"] as? String ?? "?"
            if depth > 0 { commands.append(name) }
            if let abstract = command["abstract"] as? String {
                XCTAssertTrue(page.contains(abstract), "\(name)'s abstract is not in the man page: run make docs")
            }
            for line in (command["discussion"] as? String ?? "").split(separator: "\n") where !lines.contains(String(line)) {
                XCTFail("\(name)'s help line is not in the man page (run make docs): \(line)")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
                for n in argument["names"] as? [[String: Any]] ?? [] where n["kind"] as? String == "long" {
                    flags.insert("--" + (n["name"] as? String ?? ""))
                }
                if let abstract = argument["abstract"] as? String, !lines.contains(abstract) {
                    XCTFail("\(name): this help is not a line of the man page (run make docs): \(abstract)")
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub, depth: depth + 1) }
        }
        visit(root["command"] as? [String: Any] ?? [:], depth: 0)
        let pageCommands = lines.filter { $0.hasPrefix(".It Em ") }.map { String($0.dropFirst(7)) }
        XCTAssertEqual(pageCommands.sorted(), commands.sorted())
        XCTAssertTrue(commands.contains("paths") && commands.contains("__worker"), "\(commands)")
        // `.It Fl -format Ar format`, `.It Fl o , -output Ar file`: the long names, as mdoc writes them.
        var pageFlags = Set<String>()
        for line in lines where line.hasPrefix(".It Fl ") {
            for word in line.split(separator: " ") where word.hasPrefix("-") && word.count > 1 { pageFlags.insert("-" + word) }
        }
        XCTAssertEqual(pageFlags.sorted(), flags.sorted())
        XCTAssertTrue(flags.contains("--source-base"))
    }
}
