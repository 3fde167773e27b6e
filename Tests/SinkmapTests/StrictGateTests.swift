import Foundation
import XCTest

/// `check --strict` fails closed on what would otherwise only be warned about: a `sinkmap.yml` rule that watches
/// nothing (exit 7) and a baseline entry no path matches (exit 1); `baseline --note` records why paths were
/// approved; a rule that matches nothing is a warning with the closest name in every scan.
final class StrictGateTests: XCTestCase {
    var tree: GateTestTree!

    override func setUpWithError() throws {
        tree = try GateTestTree.program("sinkmap-strict")
    }

    override func tearDown() {
        tree = nil
    }

    func sinkmap(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> BuiltBinary.Run {
        try BuiltBinary.run(arguments, in: tree.root, file: file, line: line)
    }

    func testARuleThatMatchesNothingIsAWarningWithTheClosestName() throws {
        try tree.write("sinkmap.yml", """
            sinks:
              - id: acme/run
                function: "run_modle"
                category: inference
              - id: acme/none
                pattern: "^acme::"
                category: inference
              - id: acme/health
                function: "handle_health"
                category: inference

            """)
        let r = try sinkmap(["scan", ".", "-q", "--format", "json"])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertEqual(r.stderr, """
            sinkmap: warning: sinkmap.yml: sink rule 'acme/none' matched no function in the scanned code (pattern "^acme::")
            sinkmap: warning: sinkmap.yml: sink rule 'acme/run' matched no function in the scanned code (function "run_modle"); did you mean 'run_model'?

            """, r.all)
        let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let messages = (report["diagnostics"] as! [[String: Any]]).filter { $0["file"] as? String == "sinkmap.yml" }
            .map { "\($0["severity"]!): \($0["message"]!)" }
        XCTAssertEqual(messages, [
            "warning: sink rule 'acme/none' matched no function in the scanned code (pattern \"^acme::\")",
            "warning: sink rule 'acme/run' matched no function in the scanned code (function \"run_modle\"); did you mean 'run_model'?",
        ])
        // Built-in rules that match nothing in this tree say nothing: only the project's own rules are promises.
        XCTAssertFalse(r.stderr.contains("llama.cpp/"), r.all)
    }

    func testStrictFailsOnARuleThatMatchesNothing() throws {
        try tree.write("sinkmap.yml", "sinks:\n  - id: acme/run\n    function: \"run_modle\"\n    category: inference\n")
        XCTAssertEqual(try sinkmap(["baseline", "-q", "-j", "2"]).code, 0)
        let plain = try sinkmap(["check", "-q", "-j", "2"])
        XCTAssertEqual(plain.code, 0, "without --strict a rule that matches nothing is a warning\n" + plain.all)
        XCTAssertTrue(plain.stderr.contains("did you mean 'run_model'?"), plain.all)
        let strict = try sinkmap(["check", "-q", "-j", "2", "--strict", "--format", "json"])
        XCTAssertEqual(strict.code, 7, strict.all)
        let decision = try JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(decision["outcome"] as? String, "incomplete")
        XCTAssertEqual((decision["incomplete"] as? [String: Any])?["unmatchedRules"] as? [String], ["acme/run"])
        XCTAssertTrue(strict.stderr.contains("sink rule acme/run in sinkmap.yml matched no function (--strict"), strict.all)

        // Fixed: the strict check passes.
        try tree.write("sinkmap.yml", "sinks:\n  - id: acme/run\n    function: \"run_model\"\n    category: inference\n")
        XCTAssertEqual(try sinkmap(["baseline", "-q", "-j", "2"]).code, 0)
        let fixed = try sinkmap(["check", "-q", "-j", "2", "--strict"])
        XCTAssertEqual(fixed.code, 0, fixed.all)
    }

    func testStrictFailsOnAStaleEntry() throws {
        XCTAssertEqual(try sinkmap(["baseline", "-q", "-j", "2"]).code, 0)
        try tree.renameChatHandler(to: "handle_conversation")
        XCTAssertEqual(try sinkmap(["baseline", "-q", "-j", "2", "--output", "new.json"]).code, 0)
        // The old baseline approves the old name only: the renamed path is new (1) either way; approve it in a
        // baseline that also keeps the stale entry, then only the stale entry is left.
        let old = try JSONSerialization.jsonObject(with: Data(tree.read("sinkmap-baseline.json").utf8)) as! [String: Any]
        var merged = try JSONSerialization.jsonObject(with: Data(tree.read("new.json").utf8)) as! [String: Any]
        merged["entries"] = (merged["entries"] as! [Any]) + (old["entries"] as! [Any])
        try tree.write("merged.json", String(decoding: try JSONSerialization.data(withJSONObject: merged), as: UTF8.self))
        let plain = try sinkmap(["check", "-q", "-j", "2", "--baseline", "merged.json"])
        XCTAssertEqual(plain.code, 0, plain.all)
        XCTAssertTrue(plain.stdout.contains("warning: "), plain.all)
        let strict = try sinkmap(["check", "-q", "-j", "2", "--baseline", "merged.json", "--strict"])
        XCTAssertEqual(strict.code, 1, strict.all)
        XCTAssertTrue(strict.stdout.contains("stale baseline entr"), strict.all)
    }

    func testBaselineNoteIsStoredOnTheEntriesItAddsAndKeepsOlderNotes() throws {
        let first = try sinkmap(["baseline", "-q", "-j", "2", "--note", "THREAT-1: start-up load"])
        XCTAssertEqual(first.code, 0, first.all)
        var b = try JSONSerialization.jsonObject(with: Data(tree.read("sinkmap-baseline.json").utf8)) as! [String: Any]
        XCTAssertEqual((b["entries"] as! [[String: Any]]).map { $0["note"] as! String }, ["THREAT-1: start-up load", "THREAT-1: start-up load"])

        try tree.addCallFromHealthHandler()
        let second = try sinkmap(["baseline", "-q", "-j", "2", "--note", "THREAT-2: health probe"])
        XCTAssertEqual(second.code, 0, second.all)
        b = try JSONSerialization.jsonObject(with: Data(tree.read("sinkmap-baseline.json").utf8)) as! [String: Any]
        let notes = (b["entries"] as! [[String: Any]]).map { "\(($0["functions"] as! [String]).joined(separator: ">")): \($0["note"]!)" }
        XCTAssertEqual(notes.filter { $0.hasSuffix("THREAT-2: health probe") }.count, 1, notes.joined(separator: "\n"))
        XCTAssertEqual(notes.filter { $0.hasSuffix("THREAT-1: start-up load") }.count, 2, notes.joined(separator: "\n"))

        XCTAssertEqual(try sinkmap(["baseline", "--note", "a\nb"]).code, 2)
    }
}

/// Points of issue 17's list where the binary, not the docs, was wrong.
final class DocsAgreementTests: XCTestCase {
    /// README: "whenever a limit cuts something, … a line in the text output". A sink reached only past
    /// `--max-depth` is said to be cut, never listed as "reached from no entry point".
    func testMaxDepthThatCutsEveryPathToASinkSaysSoInText() throws {
        for extra in [[], ["--all-paths"]] {
            let r = try BuiltBinary.run(["scan", Repo.fixture("demo-ai-service"), "-q", "--no-cache", "--max-depth", "2"] + extra,
                                        in: Repo.root)
            XCTAssertEqual(r.code, 0, r.all)
            XCTAssertTrue(r.stdout.contains("paths to llama_decode truncated by max-depth: none within --max-depth 2 calls; raise --max-depth to see them"), r.all)
            XCTAssertFalse(r.stdout.contains("reached from no entry point"), r.all)
        }
    }

    /// configuration.md: errors are FILE:LINE:COLUMN with a FILE that opens from the working folder.
    func testAConfigurationErrorNamesTheFileAsReachedFromTheWorkingFolderWithAColumn() throws {
        let t = try TempTree()
        try t.write("demo/main.c", "int main(void) { return 0; }\n")
        try t.write("demo/sinkmap.yml", "sinks:\n  - id: x\n    function: \"a\"\n    category: inferenc\n")
        let r = try BuiltBinary.run(["scan", "demo"], in: t.root)
        XCTAssertEqual(r.code, 3, r.all)
        XCTAssertTrue(r.stderr.hasPrefix("sinkmap: error: demo/sinkmap.yml:4:15: unknown category 'inferenc'"), r.all)
        let sinks = try BuiltBinary.run(["sinks", "demo/"], in: t.root)
        XCTAssertTrue(sinks.stderr.hasPrefix("sinkmap: error: demo/sinkmap.yml:4:15:"), sinks.all)

        try t.write("demo/sinkmap.yml", "sinks:\n" + String(repeating: "  [", count: 1) + String(repeating: "[", count: 300) + "\n")
        let deep = try BuiltBinary.run(["scan", "demo"], in: t.root)
        XCTAssertEqual(deep.code, 3, deep.all)
        XCTAssertTrue(deep.stderr.hasPrefix("sinkmap: error: demo/sinkmap.yml:2:"), deep.all)
        let location = deep.stderr.components(separatedBy: ": ")[2]
        XCTAssertEqual(location.split(separator: ":").count, 3, "FILE:LINE:COLUMN, got \(location)")
    }
}
