import Gate
import SinkmapReport
import XCTest

final class GateDecisionTests: XCTestCase {
    let approved = Baseline(report: GateReports.make([
        ("a1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"]),
        ("b2", "llama.cpp/model-load", ["main", "start", "llama_model_load_from_file"]),
    ]))

    func testPassesWhenEveryPathIsApproved() {
        let d = GateDecision(report: GateReports.make([
            ("b2", "llama.cpp/model-load", ["main", "start", "llama_model_load_from_file"]),
            ("a1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"]),
        ]), baseline: approved, baselineFile: "b.json")
        XCTAssertEqual(d.outcome, .pass)
        XCTAssertEqual(d.newPaths, [])
        XCTAssertEqual(d.staleEntries, [])
        XCTAssertEqual(d.approvedPaths, 2)
    }

    func testAPathNotInTheBaselineFails() {
        let report = GateReports.make([
            ("a1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"]),
            ("b2", "llama.cpp/model-load", ["main", "start", "llama_model_load_from_file"]),
            ("c3", "llama.cpp/decode", ["main", "handle_health", "llama_decode"]),
        ])
        let d = GateDecision(report: report, baseline: approved, baselineFile: "b.json")
        XCTAssertEqual(d.outcome, .newPaths)
        XCTAssertEqual(d.newPaths.map(\.id), [GateReports.fingerprint("c3")])
        XCTAssertEqual(d.newPaths.first?.frames.count, 3, "new paths carry every frame")
        XCTAssertFalse(d.passed)
    }

    func testStaleEntriesWarnUnlessAskedToFail() {
        let report = GateReports.make([("a1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"])])
        let warn = GateDecision(report: report, baseline: approved, baselineFile: "b.json")
        XCTAssertEqual(warn.outcome, .pass)
        XCTAssertEqual(warn.staleEntries.map(\.id), [GateReports.fingerprint("b2")])
        let fail = GateDecision(report: report, baseline: approved, baselineFile: "b.json", failOnStale: true)
        XCTAssertEqual(fail.outcome, .staleEntries)
    }

    func testNewPathsWinOverStaleEntries() {
        let report = GateReports.make([("c3", "llama.cpp/decode", ["main", "handle_health", "llama_decode"])])
        let d = GateDecision(report: report, baseline: approved, baselineFile: "b.json", failOnStale: true)
        XCTAssertEqual(d.outcome, .newPaths)
        XCTAssertEqual(d.staleEntries.count, 2)
    }

    func testLimitsThatCutPathsAreReported() {
        let report = GateReports.make([("a1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"])],
                                      truncatedRule: "llama.cpp/decode")
        let d = GateDecision(report: report, baseline: approved, baselineFile: "b.json")
        XCTAssertEqual(d.truncated.map(\.rule), ["llama.cpp/decode"])
    }

    func testAnEmptyBaselineMakesEveryPathNew() {
        let report = GateReports.make([("a1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"])])
        let empty = Baseline(tool: .init(version: "0"), entries: [])
        XCTAssertEqual(GateDecision(report: report, baseline: empty, baselineFile: "b.json").outcome, .newPaths)
    }
}
