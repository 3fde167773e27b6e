import Foundation
import Gate
import SinkmapReport
import XCTest

/// Reports built in code for the gate's unit tests (no libclang).
enum GateReports {
    /// A report whose paths are `(id, rule, functions)`; ids are padded to 32 hex digits.
    static func make(_ paths: [(String, String, [String])], truncatedRule: String? = nil) -> Report {
        let list = paths.map { id, rule, functions in
            Path(id: fingerprint(id), entry: .init(function: functions[0], kind: functions[0] == "main" ? "main" : "root"),
                 sink: .init(rule: rule, function: functions.last!, category: "inference"),
                 frames: functions.enumerated().map { i, f in
                     Frame(function: f, file: "src/\(f).c", line: 10 + i,
                           call: i == functions.count - 1 ? nil : .init(file: "src/\(f).c", line: 12 + i, column: 5, kind: "direct"))
                 },
                 truncated: rule == truncatedRule)
        }
        let rules = Set(paths.map { $0.1 }).sorted()
        let counts = rules.map { rule -> PathCount in
            let n = list.filter { $0.sink.rule == rule }.count
            return PathCount(rule: rule, function: list.first { $0.sink.rule == rule }!.sink.function, total: n + (rule == truncatedRule ? 5 : 0),
                             listed: n, exact: true, truncatedBy: rule == truncatedRule ? ["max-paths"] : [])
        }
        return Report(tool: .init(version: "0.0.0-test"), root: "t", sinks: [], paths: list, pathCounts: counts,
                      diagnostics: [], limits: .init(maxPaths: 1000, maxDepth: 64),
                      stats: .init(translationUnits: 1, failedTranslationUnits: 0, translationUnitsWithErrors: 0,
                                   functions: 3, calls: 2, entryPoints: 1, seconds: 0))
    }

    static func fingerprint(_ short: String) -> String { short + String(repeating: "0", count: 32 - short.count) }
}

final class BaselineTests: XCTestCase {
    let report = GateReports.make([
        ("b1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"]),
        ("a2", "llama.cpp/model-load", ["main", "start", "llama_model_load_from_file"]),
        ("c3", "llama.cpp/decode", ["main", "handle_admin", "llama_decode"]),
    ])

    func testEntriesAreSortedByRuleThenFunctions() {
        let baseline = Baseline(report: report)
        XCTAssertEqual(baseline.version, 2)
        XCTAssertEqual(baseline.entries.map(\.summary), [
            "llama.cpp/decode: main → handle_admin → llama_decode",
            "llama.cpp/decode: main → handle_chat → llama_decode",
            "llama.cpp/model-load: main → start → llama_model_load_from_file",
        ])
        XCTAssertEqual(baseline.entries[0].entry, "main")
        XCTAssertEqual(baseline.entries[0].entryKind, "main")
        XCTAssertEqual(baseline.entries[0].sink, "llama_decode")
    }

    func testEncodingIsByteIdenticalWhateverThePathOrder() throws {
        var shuffled = report
        shuffled.paths.reverse()
        let a = try BaselineStore.encode(Baseline(report: report))
        let b = try BaselineStore.encode(Baseline(report: shuffled))
        XCTAssertEqual(a, b)
        let text = String(decoding: a, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertTrue(text.contains("\"version\" : 2"), text)
        XCTAssertTrue(text.contains("\"note\" : \"\""), "an empty note is written, so reviewers see where to write: \(text)")
    }

    func testTheFormatIsTheDocumentedOne() throws {
        let evidence = GateEvidence(
            calls: [SliceCall(id: "cd" + String(repeating: "0", count: 30), caller: "main", callee: "llama_decode",
                              entry: "main", sink: "llama_decode", at: "src/main.c:3:12")],
            failedUnits: [FailedUnit(file: "src/crash.c", reason: "crashed")], unitsWithErrors: ["src/typo.c"],
            skippedSources: ["src/out/gen.c"])
        let baseline = Baseline(report: GateReports.make([("ab", "llama.cpp/decode", ["main", "llama_decode"])]),
                                evidence: evidence)
        XCTAssertEqual(String(decoding: try BaselineStore.encode(baseline), as: UTF8.self), """
            {
              "calls" : [
                {
                  "callee" : "llama_decode",
                  "caller" : "main",
                  "id" : "cd000000000000000000000000000000"
                }
              ],
              "entries" : [
                {
                  "entry" : "main",
                  "entryKind" : "main",
                  "functions" : [
                    "main",
                    "llama_decode"
                  ],
                  "id" : "ab000000000000000000000000000000",
                  "note" : "",
                  "rule" : "llama.cpp/decode",
                  "sink" : "llama_decode"
                }
              ],
              "failedUnits" : [
                {
                  "file" : "src/crash.c",
                  "reason" : "crashed"
                }
              ],
              "skippedSources" : [
                "src/out/gen.c"
              ],
              "tool" : {
                "name" : "sinkmap",
                "version" : "0.0.0-test"
              },
              "version" : 2
            }

            """)
    }

    func testRewritingKeepsNotesOfSurvivingEntriesAndSaysWhatChanged() throws {
        var old = Baseline(report: report)
        for i in old.entries.indices { old.entries[i].note = "ok: \(old.entries[i].functions[1])" }
        let next = GateReports.make([
            ("b1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"]),
            ("a2", "llama.cpp/model-load", ["main", "start", "llama_model_load_from_file"]),
            ("d4", "llama.cpp/decode", ["main", "handle_new", "llama_decode"]),
        ])
        let updated = Baseline(report: next, keepingNotesFrom: old)
        XCTAssertEqual(updated.entries.map(\.note), ["ok: handle_chat", "", "ok: start"])
        let changes = BaselineChanges(from: old, to: updated)
        XCTAssertEqual(changes.added.map(\.functions), [["main", "handle_new", "llama_decode"]])
        XCTAssertEqual(changes.dropped.map(\.functions), [["main", "handle_admin", "llama_decode"]])
        XCTAssertEqual(changes.dropped.first?.note, "ok: handle_admin")
        XCTAssertEqual(changes.kept, 2)
        XCTAssertTrue(BaselineChanges(from: updated, to: updated).isEmpty)
    }

    func testRoundTripThroughAFile() throws {
        let dir = try GateTestTree("sinkmap-baseline-file")
        var baseline = Baseline(report: report)
        baseline.entries[1].note = "reviewed in THREAT-12: \"quoted\" and ünïcode"
        try BaselineStore.save(baseline, to: dir.path("b.json"))
        XCTAssertEqual(try BaselineStore.load(dir.path("b.json")), baseline)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.root), ["b.json"],
                       "no temporary file is left behind")
    }

    func testANoteMayBeLeftOutByHand() throws {
        let text = """
            {"version": 2, "tool": {"name": "sinkmap", "version": "0.1.0"}, "calls": [], "failedUnits": [], "skippedSources": [],
             "entries": [{"id": "0123456789abcdef0123456789abcdef", "entry": "main", "entryKind": "main",
                          "sink": "llama_decode", "rule": "llama.cpp/decode", "functions": ["main", "llama_decode"]}]}
            """
        let baseline = try BaselineStore.decode(Data(text.utf8), file: "b.json")
        XCTAssertEqual(baseline.entries.first?.note, "")
    }

    func assertRejected(_ text: String, _ kind: BaselineError.Kind, _ message: String,
                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try BaselineStore.decode(Data(text.utf8), file: "ci/base.json"), file: file, line: line) { error in
            guard let e = error as? BaselineError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(e.kind, kind, e.description, file: file, line: line)
            XCTAssertEqual(e.description, "ci/base.json: " + message, file: file, line: line)
        }
    }

    func testMalformedBaselinesAreRejectedNamingTheProblem() {
        assertRejected("not json", .malformed, "not valid JSON; expected a sinkmap baseline (write one with `sinkmap baseline`)")
        assertRejected("[]", .malformed, "expected a JSON object with \"version\" and \"entries\"")
        assertRejected("{}", .malformed, "no \"version\"; is this a sinkmap baseline?")
        assertRejected(#"{"version": "1"}"#, .malformed, "version: expected an integer")
        assertRejected(#"{"version": 0, "entries": []}"#, .malformed, "unknown baseline format version 0")
        assertRejected(#"{"version": 2, "tool": {"name": "sinkmap", "version": "0"}}"#, .malformed, "entries: missing")
        assertRejected(#"{"version": 2, "tool": {"name": "sinkmap", "version": "0"}, "entries": [{"id": "x"}]}"#,
                       .malformed, "entries[0].entry: missing")
        assertRejected(#"{"version": 2, "tool": {"name": "sinkmap", "version": "0"}, "entries": []}"#,
                       .malformed, "calls: missing")
        assertRejected("""
            {"version": 2, "tool": {"name": "sinkmap", "version": "0"}, "calls": [], "failedUnits": [], "skippedSources": [],
             "entries": [{"id": "not-a-fingerprint", "entry": "main", "entryKind": "main", "sink": "s", "rule": "r",
                          "functions": ["main", "s"]}]}
            """, .malformed, "entries[0].id: \"not-a-fingerprint\" is not a path fingerprint (32 hex digits)")
        assertRejected("""
            {"version": 2, "tool": {"name": "sinkmap", "version": "0"}, "entries": [], "failedUnits": [], "skippedSources": [],
             "calls": [{"id": "main->llama_decode", "caller": "main", "callee": "llama_decode"}]}
            """, .malformed, "calls[0].id: \"main->llama_decode\" is not a call fingerprint (32 hex digits)")
    }

    func testAFutureVersionIsRejectedAsNewerNotAsMalformed() {
        assertRejected(#"{"version": 3, "entries": "a shape this sinkmap does not know"}"#, .futureVersion(3),
                       "baseline format version 3 was written by a newer sinkmap; this sinkmap reads version 2 — upgrade sinkmap")
    }

    /// Format 1 joined ids with newlines (ambiguous) and recorded no slice: it must be approved again, not read.
    func testAnOlderVersionMustBeApprovedAgain() {
        assertRejected(#"{"version": 1, "tool": {"name": "sinkmap", "version": "0"}, "entries": []}"#, .outdatedVersion(1),
                       "baseline format version 1 was written by an older sinkmap, whose path fingerprints this one does "
                       + "not compute (and it records no slice of the call graph); review the scan and approve again with "
                       + "`sinkmap baseline`, then commit the file")
    }

    func testMissingAndUnreadableFiles() throws {
        let dir = try GateTestTree("sinkmap-baseline-missing")
        XCTAssertThrowsError(try BaselineStore.load(dir.path("none.json"), named: "none.json")) { error in
            XCTAssertEqual((error as? BaselineError)?.kind, .missing)
            XCTAssertEqual("\(error)", "none.json: no such baseline; write one with `sinkmap baseline --output none.json`")
        }
        try FileManager.default.createDirectory(atPath: dir.path("folder.json"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try BaselineStore.load(dir.path("folder.json"))) { error in
            XCTAssertEqual((error as? BaselineError)?.kind, .unreadable, "\(error)")
        }
    }
}
