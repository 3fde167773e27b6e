import Foundation
import SinkmapKit
import XCTest

/// Walks every folder under Fixtures/ that has an expected.txt and checks the scan against it exactly:
/// `path:` lines are the complete set of paths, `absent:` functions appear on no path, `diagnostic:` names a
/// file:line that must carry an error. The threat context is checked the same way, each kind of line only in
/// fixtures that have one: `entry:` lines are the complete set of entry points on paths (with kind, routes,
/// label, registering function), `label:` the complete set of labelled paths, `source:` every frame's reads of
/// untrusted input, `downstream:` every downstream operation, `request:` every shell or SQL call a request
/// handler reaches by itself (the attack surface's request-driven operations), `route-evidence:` every entry
/// point's evidence for a route (`FUNCTION: ROUTE = AS WRITTEN`), `flow:` every path whose untrusted input reaches
/// the sink call's arguments with its witness, `output:` every model output reaching an operation with its witness.
/// Adding a case is adding a folder.
final class FixtureTests: XCTestCase {
    struct Expectation {
        var paths: [String] = []
        var absent: [String] = []
        var diagnostics: [String] = []
        var entries: [String] = []
        var labels: [String] = []
        var sources: [String] = []
        var downstream: [String] = []
        var requests: [String] = []
        var routeEvidence: [String] = []
        var flows: [String] = []
        var outputs: [String] = []
    }

    static func expectation(_ file: String) throws -> Expectation {
        var e = Expectation()
        for raw in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            // `libclang-14: …` / `libclang-19: …`: a line that holds only on that libclang (say why in a comment).
            if line.hasPrefix("libclang-"), let colon = line.firstIndex(of: ":"),
               let major = Int(line[line.index(line.startIndex, offsetBy: 9)..<colon]) {
                guard major == SinkmapVersion.libclangMajor else { continue }
                line = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            if line.hasPrefix("path:") { e.paths.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("absent:") { e.absent.append(line.dropFirst(7).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("diagnostic:") { e.diagnostics.append(line.dropFirst(11).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("entry:") { e.entries.append(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("label:") { e.labels.append(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("source:") { e.sources.append(line.dropFirst(7).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("downstream:") { e.downstream.append(line.dropFirst(11).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("request:") { e.requests.append(line.dropFirst(8).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("route-evidence:") { e.routeEvidence.append(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("flow:") { e.flows.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("output:") { e.outputs.append(line.dropFirst(7).trimmingCharacters(in: .whitespaces)) }
            else { XCTFail("\(file): cannot read line '\(line)'") }
        }
        return e
    }

    func testEveryFixtureMatchesItsExpectedPaths() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repo.fixtures).sorted()
            .filter { FileManager.default.fileExists(atPath: Repo.fixture($0) + "/expected.txt") }
        XCTAssertGreaterThanOrEqual(names.count, 13, "fixtures went missing")
        for name in names {
            try check(name)
        }
    }

    func check(_ name: String) throws {
        let expected = try Self.expectation(Repo.fixture(name) + "/expected.txt")
        let report = try Scanning.scan(Repo.fixture(name))
        let actual = Scanning.lines(report)
        let missing = Set(expected.paths).subtracting(actual).sorted()
        let extra = Set(actual).subtracting(expected.paths).sorted()
        XCTAssert(missing.isEmpty && extra.isEmpty, """
            \(name): paths differ
            missing:
              \(missing.joined(separator: "\n  "))
            unexpected:
              \(extra.joined(separator: "\n  "))
            diagnostics:
              \(report.diagnostics.map { "\($0.file):\($0.line ?? 0): \($0.message)" }.joined(separator: "\n  "))
            """)
        XCTAssertEqual(actual.count, expected.paths.count, "\(name): a path is listed twice")
        assertSameSet(name, "entry points", expected.entries, Scanning.entryLines(report))
        assertSameSet(name, "labelled paths", expected.labels, Scanning.labelLines(report))
        assertSameSet(name, "reads of untrusted input", expected.sources, Scanning.sourceLines(report))
        assertSameSet(name, "downstream operations", expected.downstream, Scanning.downstreamLines(report))
        assertSameSet(name, "request-driven operations", expected.requests, Scanning.requestLines(report))
        assertSameSet(name, "route evidence", expected.routeEvidence, Scanning.routeEvidenceLines(report))
        assertSameSet(name, "flows into the sink's arguments", expected.flows, Scanning.flowLines(report))
        assertSameSet(name, "model output reaching operations", expected.outputs, Scanning.outputLines(report))
        for f in expected.absent {
            let on = report.paths.filter { $0.frames.contains { $0.function == f } }
            XCTAssert(on.isEmpty, "\(name): \(f) must be on no path, but is on \(on.count)")
        }
        for d in expected.diagnostics {
            let hit = report.diagnostics.contains {
                ($0.severity == "error" || $0.severity == "fatal") && "\($0.file):\($0.line ?? -1)" == d
            }
            XCTAssert(hit, "\(name): expected an error diagnostic at \(d); got \(report.diagnostics.map { "\($0.file):\($0.line ?? -1)" })")
        }
        if expected.diagnostics.isEmpty {
            let errors = report.diagnostics.filter { $0.severity == "error" || $0.severity == "fatal" }
            if !name.contains("missing-header") {
                XCTAssert(errors.isEmpty, "\(name): unexpected errors \(errors.map(\.message))")
            }
        }
    }

    /// Checks one kind of threat-context line, when the fixture has any; `none` says there must be none.
    private func assertSameSet(_ name: String, _ what: String, _ expected: [String], _ actual: [String]) {
        guard !expected.isEmpty else { return }
        let expected = expected == ["none"] ? [] : expected
        let missing = Set(expected).subtracting(actual).sorted()
        let extra = Set(actual).subtracting(expected).sorted()
        XCTAssert(missing.isEmpty && extra.isEmpty, """
            \(name): \(what) differ
            missing:
              \(missing.joined(separator: "\n  "))
            unexpected:
              \(extra.joined(separator: "\n  "))
            """)
    }
}
