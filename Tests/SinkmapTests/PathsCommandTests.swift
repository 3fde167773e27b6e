import Foundation
import XCTest

/// A one-off question without a configuration file: `--sink` adds a sink for one run, `sinkmap paths` lists the
/// paths to one sink (from one entry point) from a saved report or a scan.
final class PathsCommandTests: XCTestCase {
    var work: String!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-paths-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Repo.fixture("demo-ai-service"), toPath: work)
        try? FileManager.default.removeItem(atPath: work + "/.sinkmap-cache")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: work)
    }

    func sinkmap(_ args: [String]) throws -> BuiltBinary.Run { try BuiltBinary.run(args, in: work) }

    func testPathsOnASavedReportAnswersToAndFrom() throws {
        XCTAssertEqual(try sinkmap(["scan", ".", "-q", "--no-cache", "--format", "json", "-o", "r.json"]).code, 0)
        let r = try sinkmap(["paths", "--report", "r.json", "--to", "llama_tokenize"])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertTrue(r.stdout.contains("llama_tokenize  [tokenize]  rule llama.cpp/tokenize  — 2 paths"), r.all)
        XCTAssertTrue(r.stdout.contains("#1 from main (main)"), r.all)
        XCTAssertTrue(r.stdout.contains("#2 from svc::debug_dump_embeddings (exported)"), r.all)
        XCTAssertFalse(r.stdout.contains("llama_decode"), "only the paths asked for\n" + r.all)

        let from = try sinkmap(["paths", "--report", "r.json", "--to", "llama.cpp/tokenize", "--from", "svc::debug_dump_embeddings"])
        XCTAssertTrue(from.stdout.contains("— 1 path\n"), from.all)
        XCTAssertFalse(from.stdout.contains("from main"), from.all)

        let none = try sinkmap(["paths", "--report", "r.json", "--to", "llama_decode", "--from", "svc::debug_dump_embeddings"])
        XCTAssertEqual(none.code, 0, none.all)
        XCTAssertEqual(none.stdout, "no listed path from svc::debug_dump_embeddings to llama_decode; it is reached from: main\n")

        let typo = try sinkmap(["paths", "--report", "r.json", "--to", "llama_tokenise"])
        XCTAssertEqual(typo.stdout, "no sink called llama_tokenise in the report; did you mean 'llama_tokenize'?\n", typo.all)

        let regex = try sinkmap(["paths", "--report", "r.json", "--to", "/^llama_(en|de)code$/", "--format", "json"])
        let subset = try JSONSerialization.jsonObject(with: Data(regex.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((subset["paths"] as! [[String: Any]]).count, 2)
        // The subset is a report: export renders it.
        try regex.stdout.write(toFile: work + "/subset.json", atomically: true, encoding: .utf8)
        XCTAssertEqual(try sinkmap(["export", "--from", "subset.json", "--format", "dot"]).code, 0)

        XCTAssertEqual(try sinkmap(["paths", "--report", "r.json", "--to", "/([/"]).code, 2)
    }

    func testAnAdHocSinkAnswersAQuestionWithoutAConfigurationFile() throws {
        let r = try sinkmap(["paths", ".", "-q", "--no-cache", "--sink", "svc::PromptBuilder::build", "--to", "svc::PromptBuilder::build"])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertTrue(r.stdout.contains("svc::PromptBuilder::build  [inference]  rule --sink/svc::PromptBuilder::build  — 1 path"), r.all)
        XCTAssertTrue(r.stdout.contains("→ svc::PromptBuilder::build  src/prompt.cpp:15  (direct call at src/handler.cpp:40:42)"), r.all)

        let pattern = try sinkmap(["scan", ".", "-q", "--no-cache", "--sink", "/^svc::Generator::/", "--sink-category", "sampling",
                                   "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(pattern.stdout.utf8)) as! [String: Any]
        let sinks = (report["sinks"] as! [[String: Any]]).filter { $0["rule"] as? String == "--sink/^svc::Generator::" }
        XCTAssertEqual(sinks.map { $0["function"] as! String }, ["svc::Generator::Generator", "svc::Generator::generate"])
        XCTAssertEqual(sinks.first?["category"] as? String, "sampling")

        let typo = try sinkmap(["scan", ".", "-q", "--no-cache", "--sink", "svc::Generator::generat"])
        XCTAssertEqual(typo.code, 0, typo.all)
        XCTAssertTrue(typo.stderr.contains("sinkmap: warning: --sink: sink rule '--sink/svc::Generator::generat' matched no function in the scanned code (function \"svc::Generator::generat\"); did you mean 'svc::Generator::generate'?"), typo.all)

        let oracle = try sinkmap(["scan", ".", "--sink-category", "oracle"])
        XCTAssertEqual(oracle.code, 2, oracle.all)
        XCTAssertEqual(oracle.stderr, "sinkmap: error: --sink-category: unknown category 'oracle' (expected one of: model-load, inference, tokenize, template, sampling, embedding, network, code-load; a project's own category is declared under 'categories:')\n", oracle.all)
    }
}
