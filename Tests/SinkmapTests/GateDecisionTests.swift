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

/// The evidence the gate compares besides paths (issue 21): slice calls, units not analysed, skipped sources.
final class GateEvidenceDecisionTests: XCTestCase {
    let report = GateReports.make([("a1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"])])

    func call(_ id: String, _ caller: String, _ callee: String) -> SliceCall {
        SliceCall(id: GateReports.fingerprint(id), caller: caller, callee: callee, entry: "main", sink: "llama_decode",
                  at: "src/\(caller).c:3:5")
    }

    func baseline(_ evidence: GateEvidence) -> Baseline { Baseline(report: report, evidence: evidence) }

    func testANewSliceCallFailsEvenWithNoNewPath() {
        let approved = baseline(GateEvidence(calls: [call("c1", "main", "handle_chat"), call("c2", "handle_chat", "llama_decode")]))
        let same = GateDecision(report: report, evidence: GateEvidence(calls: [call("c2", "handle_chat", "llama_decode"),
                                                                              call("c1", "main", "handle_chat")]),
                                baseline: approved, baselineFile: "b.json")
        XCTAssertEqual(same.outcome, .pass)
        let deeper = GateDecision(report: report, evidence: GateEvidence(calls: [
            call("c1", "main", "handle_chat"), call("c2", "handle_chat", "llama_decode"), call("c3", "step_1", "llama_decode"),
        ]), baseline: approved, baselineFile: "b.json")
        XCTAssertEqual(deeper.outcome, .newPaths)
        XCTAssertEqual(deeper.newCalls.map(\.callee), ["llama_decode"])
        XCTAssertEqual(deeper.newCalls.map(\.caller), ["step_1"])
    }

    func testNewCallsAListedNewPathShowsAreNotListedTwice() {
        let next = GateReports.make([("a1", "llama.cpp/decode", ["main", "handle_chat", "llama_decode"]),
                                     ("b2", "llama.cpp/decode", ["main", "handle_health", "llama_decode"])])
        let d = GateDecision(report: next, evidence: GateEvidence(calls: [
            call("c4", "main", "handle_health"), call("c5", "handle_health", "llama_decode"), call("c6", "handle_health", "system"),
        ]), baseline: baseline(GateEvidence()), baselineFile: "b.json")
        XCTAssertEqual(d.newPaths.map(\.id), [GateReports.fingerprint("b2")])
        XCTAssertEqual(d.newCalls.map(\.callee), ["system"], "only the call no new path shows")
    }

    func testAFailedUnitIsKnownOnlyByTheSameFileAndReason() {
        let approved = baseline(GateEvidence(failedUnits: [FailedUnit(file: "src/a.c", reason: "crashed")]))
        func decide(_ failed: [FailedUnit], strict: Bool = false, errors: [String] = []) -> GateDecision {
            GateDecision(report: report, evidence: GateEvidence(failedUnits: failed, unitsWithErrors: errors),
                         baseline: approved, baselineFile: "b.json", strict: strict)
        }
        XCTAssertEqual(decide([FailedUnit(file: "src/a.c", reason: "crashed")]).outcome, .pass)
        XCTAssertEqual(decide([FailedUnit(file: "src/a.c", reason: "timed-out")]).outcome, .incomplete)
        XCTAssertEqual(decide([FailedUnit(file: "src/b.c", reason: "crashed")]).incomplete.failedUnits,
                       [FailedUnit(file: "src/b.c", reason: "crashed")])
        XCTAssertEqual(decide([], errors: ["src/c.c"]).outcome, .pass, "errors fail only with --strict")
        XCTAssertEqual(decide([], strict: true, errors: ["src/c.c"]).incomplete.unitsWithErrors, ["src/c.c"])
    }

    func testASkippedSourceTheBaselineDoesNotListIsIncompleteAndANewPathWins() {
        let approved = baseline(GateEvidence(skippedSources: ["src/out/old.c"]))
        XCTAssertEqual(GateDecision(report: report, evidence: GateEvidence(skippedSources: ["src/out/old.c"]),
                                    baseline: approved, baselineFile: "b.json").outcome, .pass)
        let d = GateDecision(report: report, evidence: GateEvidence(skippedSources: ["src/out/old.c", "src/out/new.c"]),
                             baseline: approved, baselineFile: "b.json")
        XCTAssertEqual(d.outcome, .incomplete)
        XCTAssertEqual(d.incomplete.skippedSources, ["src/out/new.c"])
        let both = GateDecision(report: report, evidence: GateEvidence(calls: [call("c9", "x", "llama_decode")],
                                                                       skippedSources: ["src/out/new.c"]),
                                baseline: approved, baselineFile: "b.json")
        XCTAssertEqual(both.outcome, .newPaths, "something new wins over something not analysed (exit 1, not 7)")
        XCTAssertEqual(both.incomplete.skippedSources, ["src/out/new.c"], "and both are listed")
    }
}
