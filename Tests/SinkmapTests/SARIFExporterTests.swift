@testable import Exporters
import Foundation
import SinkmapReport
import XCTest

final class SARIFExporterTests: XCTestCase {
    static let schema = Repo.root + "/Tests/Schemas/sarif-schema-2.1.0.json"

    func json(_ report: Report, newPathIDs: Set<String>? = nil) throws -> [String: Any] {
        let text = try SARIFExporter(newPathIDs: newPathIDs).render(report)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func run(_ log: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
    }

    func testOneRulePerSinkRuleAndOneResultPerPath() throws {
        let run = try run(try json(CannedReport.value))
        let rules = try XCTUnwrap((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String }, ["llama.cpp/decode", "llama.cpp/model-load", "onnxruntime/run"])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, CannedReport.value.paths.count)
        for (result, path) in zip(results, CannedReport.value.paths) {
            XCTAssertEqual(result["ruleId"] as? String, path.sink.rule)
            XCTAssertEqual(rules[result["ruleIndex"] as! Int]["id"] as? String, path.sink.rule)
            XCTAssertEqual((result["partialFingerprints"] as? [String: String])?["sinkmapPath/v1"], path.id)
            XCTAssertNil(result["baselineState"])
            let locations = try XCTUnwrap(result["locations"] as? [[String: Any]])
            XCTAssertEqual(locations.count, 1, "GitHub needs a primary location")
        }
    }

    func testPrimaryLocationIsTheSinkCallAndTheCodeFlowRunsFromEntryToSink() throws {
        let result = try XCTUnwrap((try run(try json(CannedReport.value))["results"] as? [[String: Any]])?.first)
        let primary = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let artifact = try XCTUnwrap(primary["artifactLocation"] as? [String: Any])
        XCTAssertEqual(artifact["uri"] as? String, "src/app.c")
        XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
        XCTAssertEqual((primary["region"] as? [String: Any])?["startLine"] as? Int, 24)
        XCTAssertEqual((primary["region"] as? [String: Any])?["startColumn"] as? Int, 9)

        let flow = try XCTUnwrap(((result["codeFlows"] as? [[String: Any]])?.first?["threadFlows"] as? [[String: Any]])?.first)
        let steps = try XCTUnwrap(flow["locations"] as? [[String: Any]])
        let messages = steps.compactMap { (($0["location"] as? [String: Any])?["message"] as? [String: Any])?["text"] as? String }
        XCTAssertEqual(messages, [
            "entry point main (main)",
            "main calls process_line (direct call)",
            "process_line calls llama_decode (direct call via macro DECODE)",
            "sink llama_decode [inference]: Runs the model on a token batch",
        ])
    }

    func testNewPathIDsReportOnlyThosePathsAsNew() throws {
        let results = try XCTUnwrap(try run(try json(CannedReport.value, newPathIDs: ["ffeeddccbbaa99887766554433221100"]))["results"]
                                    as? [[String: Any]])
        XCTAssertEqual(results.count, 1)
        XCTAssertEqual(results.first?["baselineState"] as? String, "new")
        XCTAssertEqual(results.first?["ruleId"] as? String, "onnxruntime/run")
        let none = try XCTUnwrap(try run(try json(CannedReport.value, newPathIDs: []))["results"] as? [[String: Any]])
        XCTAssertTrue(none.isEmpty)
    }

    func testURIsArePercentEncodedRelativeReferences() {
        XCTAssertEqual(SARIFExporter.percentEncoded("src/a b.c"), "src/a%20b.c")
        XCTAssertEqual(SARIFExporter.percentEncoded("javascript:alert(4)"), "javascript%3Aalert%284%29")
        XCTAssertEqual(SARIFExporter.percentEncoded("src/ü#?.c"), "src/%C3%BC%23%3F.c")
    }

    func testDiagnosticsAndTruncationBecomeNotifications() throws {
        let run = try run(try json(CannedReport.value))
        let notes = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertEqual(notes.compactMap { $0["level"] as? String }, ["error", "error", "warning"])
        XCTAssertTrue(((notes.last?["message"] as? [String: Any])?["text"] as? String)?.contains("1 of 3 paths") == true)
    }

    /// The canned, the hostile and a baseline-filtered log all validate against the SARIF 2.1.0 schema.
    func testValidatesAgainstTheSARIFSchema() throws {
        let python = try pythonWithJSONSchema()
        let dir = try ExternalTool.temporaryDirectory("sarif")
        defer { try? FileManager.default.removeItem(at: dir) }
        let logs = [
            ("canned", try SARIFExporter().render(CannedReport.value)),
            ("hostile", try SARIFExporter().render(HostileReport.value)),
            ("new-only", try SARIFExporter(newPathIDs: ["0f1e2d3c4b5a69788796a5b4c3d2e1f0"]).render(CannedReport.value)),
        ]
        for (name, text) in logs {
            let file = dir.appendingPathComponent("\(name).sarif")
            try Data(text.utf8).write(to: file)
            let run = try ExternalTool.run(python, ["-c", Self.validator, Self.schema, file.path])
            XCTAssertEqual(run.code, 0, "\(name).sarif does not validate:\n\(run.text)\(run.stderr)")
        }
    }

    static let validator = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        log = json.load(open(sys.argv[2], encoding="utf-8"))
        errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(log), key=lambda e: list(e.path))
        for e in errors[:20]:
            print("/".join(map(str, e.path)) + ": " + e.message[:300])
        sys.exit(1 if errors else 0)
        """

    /// python3 on PATH, or Debian's, whichever has `jsonschema`.
    func pythonWithJSONSchema() throws -> String {
        for python in [ExternalTool.locate("python3"), "/usr/bin/python3"].compactMap({ $0 })
        where FileManager.default.isExecutableFile(atPath: python) {
            if try ExternalTool.run(python, ["-c", "import jsonschema"]).code == 0 { return python }
        }
        throw XCTSkip("python3 with jsonschema is not installed, so SARIF is not validated against its schema "
                      + "(make setup, or apt-get install python3-jsonschema)")
    }
}
