import Exporters
import Foundation
import XCTest

/// `sinkmap export` run as a user would: re-rendering a saved report gives what `scan --format` gives.
final class ExportCommandTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try ExternalTool.temporaryDirectory("export") }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    func sinkmap(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> BuiltBinary.Run {
        try BuiltBinary.run(arguments, in: Repo.root, file: file, line: line)
    }

    func contents(_ name: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(name)) }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// Scan to JSON, export to JSON: the same bytes. Every other format: what `scan --format` writes.
    func testExportRoundTripsAScanAndMatchesScanOutput() throws {
        let demo = "Fixtures/demo-ai-service"
        let scan = try sinkmap(["scan", demo, "-q", "--format", "json", "--output", path("scan.json")])
        XCTAssertEqual(scan.code, 0, scan.all)
        let export = try sinkmap(["export", "--from", path("scan.json"), "--format", "json", "--output", path("export.json")])
        XCTAssertEqual(export.code, 0, export.all)
        XCTAssertEqual(try contents("export.json"), try contents("scan.json"), "export --format json changed the report")

        let saved = try JSONExporter.decode(try contents("scan.json"))
        for format in ["text", "dot", "sarif", "html", "markdown"] {
            let run = try sinkmap(["export", "--from", path("scan.json"), "--format", format])
            XCTAssertEqual(run.code, 0, run.all)
            XCTAssertEqual(run.stdout, try OutputFormat(rawValue: format)!.render(saved), "\(format) differs")
        }
        let stdin = try sinkmap(["export", "--from", "-", "--format", "markdown"])
        XCTAssertEqual(stdin.code, 4, "empty standard input is not a report: \(stdin.all)")
    }

    func testGraphOptions() throws {
        try Data(try JSONExporter().encode(CannedReport.value)).write(to: dir.appendingPathComponent("canned.json"))
        let focused = try sinkmap(["export", "--from", path("canned.json"), "--format", "dot", "--focus", "onnxruntime/run",
                                   "--cluster", "namespace"])
        XCTAssertEqual(focused.code, 0, focused.all)
        XCTAssertEqual(focused.stdout, DOTExporter(cluster: .namespace, focus: "onnxruntime/run").render(CannedReport.value))

        let unknown = try sinkmap(["export", "--from", path("canned.json"), "--format", "dot", "--focus", "nope/none"])
        XCTAssertEqual(unknown.code, 2, unknown.all)
        XCTAssertTrue(unknown.stderr.contains("rules with paths: llama.cpp/decode, llama.cpp/model-load, onnxruntime/run"), unknown.all)

        let wrongFormat = try sinkmap(["export", "--from", path("canned.json"), "--format", "sarif", "--cluster", "file"])
        XCTAssertEqual(wrongFormat.code, 2, wrongFormat.all)
        XCTAssertTrue(wrongFormat.stderr.contains("--cluster, --focus and --focus-entry apply to --format dot, svg and png"), wrongFormat.all)

        if ExternalTool.locate("dot") != nil {
            for format in ["svg", "png"] {
                let run = try sinkmap(["export", "--from", path("canned.json"), "--format", format, "--output", path("g.\(format)")])
                XCTAssertEqual(run.code, 0, run.all)
                XCTAssertGreaterThan(try contents("g.\(format)").count, 1000)
            }
        }
        let noGraphviz = try BuiltBinary.run(["export", "--from", path("canned.json"), "--format", "svg"], in: Repo.root,
                                             environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(noGraphviz.code, 2, noGraphviz.all)
        XCTAssertTrue(noGraphviz.stderr.contains("apt-get install graphviz"), noGraphviz.all)
    }

    /// `--split-by`: one file per group in the --output folder (created), each announced, each what the exporter draws.
    func testSplitByWritesOneFilePerGroupIntoTheOutputFolder() throws {
        try Data(try JSONExporter().encode(CannedReport.value)).write(to: dir.appendingPathComponent("canned.json"))
        let folder = path("split/by-sink")
        let run = try sinkmap(["export", "--from", path("canned.json"), "--format", "dot", "--split-by", "sink", "--cluster", "folder",
                               "--output", folder])
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertEqual(run.stdout, "")
        let expected = try GraphSplit.sink.export(CannedReport.value, as: .dot, options: .init(cluster: .folder))
        XCTAssertEqual(run.stderr, expected.map { "sinkmap: wrote \(folder)/\($0.name)\n" }.joined())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), expected.map(\.name).sorted())
        for file in expected { XCTAssertEqual(try contents("split/by-sink/" + file.name), file.data, file.name) }

        let noFolder = try sinkmap(["export", "--from", path("canned.json"), "--format", "svg", "--split-by", "entry"])
        XCTAssertEqual(noFolder.code, 2, noFolder.all)
        XCTAssertTrue(noFolder.stderr.contains("--split-by entry writes one file per group: give --output FOLDER"), noFolder.all)
        let notAGraph = try sinkmap(["export", "--from", path("canned.json"), "--format", "html", "--split-by", "sink", "-o", folder])
        XCTAssertEqual(notAGraph.code, 2, notAGraph.all)
        XCTAssertTrue(notAGraph.stderr.contains("--split-by applies to --format dot, svg and png only"), notAGraph.all)
        let aFile = try sinkmap(["export", "--from", path("canned.json"), "--format", "dot", "--split-by", "sink",
                                 "-o", path("canned.json")])
        XCTAssertEqual(aFile.code, 6, aFile.all)
        XCTAssertTrue(aFile.stderr.contains("canned.json: not a folder"), aFile.all)
        let nothing = try sinkmap(["export", "--from", path("canned.json"), "--format", "dot", "--split-by", "sink",
                                   "--focus-entry", "main", "--focus", "onnxruntime/run", "-o", path("empty")])
        XCTAssertEqual(nothing.code, 0, nothing.all)
        XCTAssertEqual(nothing.stderr, "sinkmap: no paths to draw, so --split-by sink wrote no file\n")
    }

    /// `scan --split-by` writes what `export --split-by` writes from the scan's saved report.
    func testScanSplitsAsExportDoes() throws {
        let demo = "Fixtures/demo-ai-service"
        let scan = try sinkmap(["scan", demo, "-q", "--format", "dot", "--split-by", "entry", "--output", path("scanned")])
        XCTAssertEqual(scan.code, 0, scan.all)
        XCTAssertEqual(scan.stderr, ["main.dot", "svc-debug_dump_embeddings.dot"].map { "sinkmap: wrote \(path("scanned"))/\($0)\n" }.joined())
        let saved = try sinkmap(["scan", demo, "-q", "--format", "json", "--output", path("demo.json")])
        XCTAssertEqual(saved.code, 0, saved.all)
        let files = try GraphSplit.entry.export(try JSONExporter.decode(try contents("demo.json")), as: .dot)
        XCTAssertEqual(files.map(\.name), ["main.dot", "svc-debug_dump_embeddings.dot"])
        for file in files { XCTAssertEqual(try contents("scanned/" + file.name), file.data, file.name) }
    }

    func testUnreadableOrMalformedReportsAreInputErrors() throws {
        let missing = try sinkmap(["export", "--from", path("missing.json"), "--format", "html"])
        XCTAssertEqual(missing.code, 4, missing.all)
        XCTAssertTrue(missing.stderr.contains("cannot read the report"), missing.all)

        try Data("{\"schema\": \"sinkmap/v1\"}".utf8).write(to: dir.appendingPathComponent("partial.json"))
        let partial = try sinkmap(["export", "--from", path("partial.json"), "--format", "html"])
        XCTAssertEqual(partial.code, 4, partial.all)
        XCTAssertTrue(partial.stderr.contains("not a sinkmap JSON report"), partial.all)

        try Data("not json".utf8).write(to: dir.appendingPathComponent("text.json"))
        let text = try sinkmap(["export", "--from", path("text.json")])
        XCTAssertEqual(text.code, 4, text.all)
        XCTAssertTrue(text.stderr.contains("not valid JSON"), text.all)

        let noFrom = try sinkmap(["export", "--format", "dot"])
        XCTAssertEqual(noFrom.code, 2, noFrom.all)
    }
}
