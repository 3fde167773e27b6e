import Foundation
import XCTest

/// `sinkmap baseline` and `sinkmap check` run as CI would: the built binary, NO_COLOR, stdin closed, in the
/// scanned tree's folder. Each test starts from a fresh copy of the `GateTestTree` program.
final class CheckCommandTests: XCTestCase {
    var tree: GateTestTree!

    override func setUpWithError() throws {
        tree = try GateTestTree.program("sinkmap-check")
    }

    override func tearDown() {
        tree = nil
    }

    func sinkmap(_ arguments: [String], in directory: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> BuiltBinary.Run {
        try BuiltBinary.run(arguments, in: directory ?? tree.root, file: file, line: line)
    }

    @discardableResult
    func writeBaseline(file: StaticString = #filePath, line: UInt = #line) throws -> BuiltBinary.Run {
        let r = try sinkmap(["baseline", "-j", "2"], file: file, line: line)
        XCTAssertEqual(r.code, 0, r.all, file: file, line: line)
        return r
    }

    // MARK: - check

    func testPassesOnAnUnchangedTree() throws {
        try writeBaseline()
        let r = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertEqual(r.stdout, "sinkmap check: passed — 2 paths, all in the baseline sinkmap-baseline.json\n", r.all)
        XCTAssertEqual(r.stderr, "", "quiet in CI: no progress bar, no warnings\n" + r.all)
    }

    func testANewCallExitsOneAndPrintsThePathInFullWithHowToApprove() throws {
        try writeBaseline()
        try tree.addCallFromHealthHandler()
        let r = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(r.code, 1, r.all)
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "sinkmap check: 1 new path not in the baseline sinkmap-baseline.json (2 of 3 paths approved)", r.all)
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("new path ") }, r.all)
        XCTAssertTrue(lines[header].hasSuffix("  llama_decode  [inference]  rule llama.cpp/decode"), r.all)
        XCTAssertEqual(Array(lines[(header + 1)...(header + 5)]), [
            "  from main (main)",
            "   main  src/main.c:3",
            "   → handle_health  src/handlers.c:17  (direct call at src/main.c:9:5)",
            "   → run_model@src/handlers.c  src/handlers.c:3  (direct call at src/handlers.c:18:12)",
            "   → llama_decode  include/llama.h:7  (direct call at src/handlers.c:10:12)",
        ], r.all)
        XCTAssertTrue(lines.contains("  sinkmap baseline . -j 2 --output sinkmap-baseline.json")
                      || lines.contains("  sinkmap baseline . --output sinkmap-baseline.json"), r.all)
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colour with NO_COLOR or off a terminal")
        XCTAssertEqual(r.stderr, "", r.all)
    }

    func testTheApproveHintRepeatsTheScanFlags() throws {
        try tree.write("sinkmap.yml", "sinks: []\n")
        let r0 = try sinkmap(["baseline", "--config", "sinkmap.yml", "--output", "ci/my baseline.json"])
        XCTAssertEqual(r0.code, 6, "the output folder does not exist: " + r0.all)
        try FileManager.default.createDirectory(atPath: tree.path("ci"), withIntermediateDirectories: true)
        XCTAssertEqual(try sinkmap(["baseline", "--config", "sinkmap.yml", "--output", "ci/my baseline.json"]).code, 0)
        try tree.addCallFromHealthHandler()
        let r = try sinkmap(["check", ".", "--config", "sinkmap.yml", "--max-paths", "50", "--baseline", "ci/my baseline.json"])
        XCTAssertEqual(r.code, 1, r.all)
        XCTAssertTrue(r.stdout.contains("\n  sinkmap baseline . --config sinkmap.yml --max-paths 50 --output 'ci/my baseline.json'\n"), r.all)
    }

    func testBlankLinesAndCommentsEverywherePass() throws {
        try writeBaseline()
        try tree.insertBlankLinesAndComments()
        let r = try sinkmap(["check"])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertTrue(r.stdout.hasPrefix("sinkmap check: passed — 2 paths"), r.all)
    }

    func testTheSameTreeInAnotherFolderPasses() throws {
        try writeBaseline()
        let copy = try tree.copy(label: "another-checkout")
        let baseline = tree.path("sinkmap-baseline.json")
        // From the copy's folder, and from its parent with the tree as an argument.
        let inside = try sinkmap(["check", "--baseline", baseline], in: copy.root)
        XCTAssertEqual(inside.code, 0, inside.all)
        let parent = (copy.root as NSString).deletingLastPathComponent
        let outside = try sinkmap(["check", (copy.root as NSString).lastPathComponent, "--baseline", baseline], in: parent)
        XCTAssertEqual(outside.code, 0, outside.all)
    }

    func testStaleEntriesAreWarningsOrFailuresWithFailOnStale() throws {
        try writeBaseline()
        // Start-up no longer loads a model: that path is gone, its baseline entry stale.
        try tree.replace("src/startup.c", "return llama_model_load_from_file(path);", with: "return 0;")
        let warn = try sinkmap(["check"])
        XCTAssertEqual(warn.code, 0, warn.all)
        XCTAssertTrue(warn.stdout.contains("warning: 1 baseline entry matches no path any more"), warn.all)
        XCTAssertTrue(warn.stdout.contains("  llama.cpp/model-load: main → start → llama_model_load_from_file\n"), warn.all)
        let fail = try sinkmap(["check", "--fail-on-stale"])
        XCTAssertEqual(fail.code, 1, fail.all)
        XCTAssertTrue(fail.stdout.hasPrefix("sinkmap check: 1 stale baseline entry in sinkmap-baseline.json"), fail.all)
    }

    func testARenameIsANewPathAndAStaleEntry() throws {
        try writeBaseline()
        try tree.renameChatHandler(to: "handle_conversation")
        let r = try sinkmap(["check", "--format", "json"])
        XCTAssertEqual(r.code, 1, r.all)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.all)
        XCTAssertEqual(object["schema"] as? String, "sinkmap-check/v2")
        XCTAssertEqual(object["outcome"] as? String, "new-paths")
        let new = try XCTUnwrap(object["newPaths"] as? [[String: Any]])
        XCTAssertEqual(new.compactMap { ($0["frames"] as? [[String: Any]])?.compactMap { $0["function"] as? String } },
                       [["main", "handle_conversation", "run_model@src/handlers.c", "llama_decode"]])
        let stale = try XCTUnwrap(object["staleEntries"] as? [[String: Any]])
        XCTAssertEqual(stale.compactMap { $0["functions"] as? [String] }, [["main", "handle_chat", "run_model@src/handlers.c", "llama_decode"]])
        XCTAssertTrue(r.stderr.hasPrefix("sinkmap check: 1 new path"), "the log still says why: " + r.all)
    }

    func testTheExitCodeDoesNotDependOnTheFormat() throws {
        try writeBaseline()
        for format in ["text", "json", "sarif"] {
            XCTAssertEqual(try sinkmap(["check", "--format", format]).code, 0, format)
            XCTAssertEqual(try sinkmap(["check", "--format", format, "--output", "out.\(format)"]).code, 0, format)
        }
        try tree.addCallFromHealthHandler()
        for format in ["text", "json", "sarif"] {
            let r = try sinkmap(["check", "--format", format])
            XCTAssertEqual(r.code, 1, format + r.all)
            let toFile = try sinkmap(["check", "--format", format, "--output", "out.\(format)"])
            XCTAssertEqual(toFile.code, 1, format + toFile.all)
            XCTAssertEqual(toFile.stdout, "", toFile.all)
            XCTAssertTrue(FileManager.default.fileExists(atPath: tree.path("out.\(format)")), format)
        }
        let json = try String(contentsOfFile: tree.path("out.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"outcome\" : \"new-paths\""), json)
    }

    func testSARIFHasOnlyTheNewPathsMarkedNew() throws {
        try writeBaseline()
        let clean = try sinkmap(["check", "--format", "sarif", "--output", "clean.sarif"])
        XCTAssertEqual(clean.code, 0, clean.all)
        XCTAssertEqual(try results(tree.path("clean.sarif")).count, 0, "baselined paths are omitted")

        try tree.addCallFromHealthHandler()
        let r = try sinkmap(["check", "--format", "sarif", "--output", "new.sarif"])
        XCTAssertEqual(r.code, 1, r.all)
        XCTAssertTrue(r.stderr.contains("   → handle_health  src/handlers.c:17"), "the log shows the path: " + r.all)
        let results = try results(tree.path("new.sarif"))
        XCTAssertEqual(results.count, 1, "\(results)")
        XCTAssertEqual(results.first?["baselineState"] as? String, "new")
        XCTAssertEqual(results.first?["ruleId"] as? String, "llama.cpp/decode")
    }

    func results(_ file: String) throws -> [[String: Any]] {
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        return try XCTUnwrap(runs.first?["results"] as? [[String: Any]])
    }

    // MARK: - errors never look like a pass or like new paths

    func testMissingMalformedAndFutureBaselinesAreConfigurationErrors() throws {
        let missing = try sinkmap(["check"])
        XCTAssertEqual(missing.code, 3, missing.all)
        XCTAssertEqual(missing.stderr, "sinkmap: error: sinkmap-baseline.json: no such baseline; write one with `sinkmap baseline --output sinkmap-baseline.json`\n")

        try tree.write("broken.json", "{\"version\": 1, \"entries\": [")
        try tree.write("future.json", "{\"version\": 3, \"entries\": {}}")
        for format in ["text", "json", "sarif"] {
            let broken = try sinkmap(["check", "--baseline", "broken.json", "--format", format])
            XCTAssertEqual(broken.code, 3, broken.all)
            XCTAssertEqual(broken.stdout, "", broken.all)
            XCTAssertTrue(broken.stderr.hasPrefix("sinkmap: error: broken.json: not valid JSON"), broken.all)
            let future = try sinkmap(["check", "--baseline", "future.json", "--format", format])
            XCTAssertEqual(future.code, 3, future.all)
            XCTAssertEqual(future.stderr, "sinkmap: error: future.json: baseline format version 3 was written by a newer sinkmap; "
                           + "this sinkmap reads version 2 — upgrade sinkmap\n", future.all)
        }
    }

    func testBaselineRefusesToOverwriteAnUnreadableBaseline() throws {
        try tree.write("sinkmap-baseline.json", "{\"version\": 7}")
        let r = try sinkmap(["baseline"])
        XCTAssertEqual(r.code, 3, r.all)
        XCTAssertTrue(r.stderr.contains("sinkmap-baseline.json: baseline format version 7"), r.all)
        XCTAssertTrue(r.stderr.hasSuffix("(left unchanged)\n"), r.all)
        XCTAssertEqual(try tree.read("sinkmap-baseline.json"), "{\"version\": 7}")
    }

    func testBadFlagsAndBadConfigurationHaveTheirOwnCodes() throws {
        try writeBaseline()
        XCTAssertEqual(try sinkmap(["check", "--no-such-flag"]).code, 2)
        XCTAssertEqual(try sinkmap(["check", "--format", "yaml"]).code, 2)
        XCTAssertEqual(try sinkmap(["check", "-p", "build", "--compile-commands", "x.json"]).code, 2)
        try tree.write("sinkmap.yml", "sinks:\n  - id: broken\n    pattern: \"([\"\n")
        let config = try sinkmap(["check"])
        XCTAssertEqual(config.code, 3, config.all)
        XCTAssertEqual(config.stdout, "", config.all)
        let input = try sinkmap(["check", "no-such-folder"])
        XCTAssertEqual(input.code, 4, input.all)
    }

    // MARK: - baseline

    func testBaselineFilesAreByteIdenticalAcrossRuns() throws {
        try writeBaseline()
        let first = try Data(contentsOf: URL(fileURLWithPath: tree.path("sinkmap-baseline.json")))
        try FileManager.default.removeItem(atPath: tree.path("sinkmap-baseline.json"))
        XCTAssertEqual(try sinkmap(["baseline", "-j", "1"]).code, 0)
        let second = try Data(contentsOf: URL(fileURLWithPath: tree.path("sinkmap-baseline.json")))
        XCTAssertEqual(first, second)
        let again = try sinkmap(["baseline"])
        XCTAssertEqual(again.stdout, "sinkmap-baseline.json: 2 paths approved, no change.\n", again.all)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: tree.path("sinkmap-baseline.json"))), first)
    }

    func testBaselineKeepsNotesAndSaysWhatWasAddedAndDropped() throws {
        let created = try writeBaseline()
        XCTAssertEqual(created.stdout, "sinkmap-baseline.json: new baseline, 2 paths approved. Review it, add a \"note\" "
                       + "to entries as needed, and commit it.\n", created.all)
        let text = try tree.read("sinkmap-baseline.json")
        try tree.write("sinkmap-baseline.json", text.replacingOccurrences(of: "\"note\" : \"\"", with: "\"note\" : \"THREAT-7: reviewed\""))
        try tree.addCallFromHealthHandler()
        try tree.replace("src/startup.c", "return llama_model_load_from_file(path);", with: "return 0;")

        let r = try sinkmap(["baseline"])
        XCTAssertEqual(r.code, 0, r.all)
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "sinkmap-baseline.json: 2 paths approved (1 added, 1 dropped, 1 unchanged)", r.all)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  added    ") && $0.hasSuffix("  llama.cpp/decode: main → handle_health → run_model@src/handlers.c → llama_decode") }, r.all)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  dropped  ") && $0.hasSuffix("  llama.cpp/model-load: main → start → llama_model_load_from_file  (note was: THREAT-7: reviewed)") }, r.all)

        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: tree.path("sinkmap-baseline.json")))) as? [String: Any])
        let notes = (object["entries"] as? [[String: Any]] ?? []).map { "\(($0["functions"] as? [String] ?? [])[1]): \($0["note"] ?? "")" }
        XCTAssertEqual(notes, ["handle_chat: THREAT-7: reviewed", "handle_health: "])
        XCTAssertEqual(try sinkmap(["check"]).code, 0)
    }
}

final class BuiltBinaryTests: XCTestCase {
    /// The CLI tests must run the binary of this build (`--scratch-path` included), not a stale `.build/debug` one.
    func testTheBinaryIsTheOneBuiltWithTheseTests() throws {
        let binary = try XCTUnwrap(BuiltBinary.sinkmap)
        let folder = URL(fileURLWithPath: binary).deletingLastPathComponent().standardizedFileURL.path
        let bundle = Bundle(for: Self.self).bundleURL.standardizedFileURL
        XCTAssertTrue([bundle.path, bundle.deletingLastPathComponent().path].contains(folder),
                      "\(binary) is not next to \(bundle.path)")
        let help = try BuiltBinary.run(["check", "--help"], in: NSTemporaryDirectory())
        XCTAssertEqual(help.code, 0, help.all)
        XCTAssertTrue(help.stdout.contains("--fail-on-stale"), help.all)
    }
}
