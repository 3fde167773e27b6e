import Foundation
import XCTest

/// The baseline's format is published as a JSON Schema (Docs/schemas/sinkmap-baseline.schema.json): a baseline
/// `sinkmap baseline` writes validates against it, and the file is stable and diff-friendly — the same bytes on a
/// second run, sorted entries, one field per line.
final class BaselineSchemaTests: XCTestCase {
    func testAWrittenBaselineValidatesAgainstTheSchemaInTheDocsAndIsStable() throws {
        let tree = try GateTestTree.program("sinkmap-baseline-schema")
        let first = try BuiltBinary.run(["baseline", "-q", "-j", "2", "--note", "THREAT-7"], in: tree.root)
        XCTAssertEqual(first.code, 0, first.all)
        let text = try tree.read("sinkmap-baseline.json")
        XCTAssertEqual(try BuiltBinary.run(["baseline", "-q", "-j", "2"], in: tree.root).code, 0)
        XCTAssertEqual(try tree.read("sinkmap-baseline.json"), text, "a second run writes the same bytes")
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertTrue(text.contains("\n      \"note\" : \"THREAT-7\",\n"), "one field per line:\n" + text)

        guard let python = [ExternalTool.locate("python3"), "/usr/bin/python3"].compactMap({ $0 }).first(where: {
            FileManager.default.isExecutableFile(atPath: $0) && ((try? ExternalTool.run($0, ["-c", "import jsonschema"]).code) == 0)
        }) else { throw XCTSkip("python3 with jsonschema is not installed (make setup-render-tools)") }
        let run = try ExternalTool.run(python, ["-c", SARIFExporterTests.validator,
                                                Repo.root + "/Docs/schemas/sinkmap-baseline.schema.json", tree.path("sinkmap-baseline.json")])
        XCTAssertEqual(run.code, 0, "the baseline does not validate against Docs/schemas/sinkmap-baseline.schema.json:\n\(run.text)\(run.stderr)")
    }
}
