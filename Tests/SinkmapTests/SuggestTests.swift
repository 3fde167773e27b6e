import Foundation
import Exporters
import PathEngine
import XCTest

/// `sinkmap suggest`: the project's own model API, proposed as rules. Each fixture with a `suggested.yml` must get
/// exactly those bytes (engine-wrappers: an engine over catalog calls; parallel-wrappers: two wrappers side by
/// side, neither a dominator; library-api-wrappers: exported API as its own wrapper), and what it proposes must be
/// a configuration that turns the wrappers into sinks.
final class SuggestTests: XCTestCase {
    func testEachFixtureGetsExactlyItsSuggestedRules() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repo.fixtures).sorted()
            .filter { FileManager.default.fileExists(atPath: Repo.fixture($0) + "/suggested.yml") }
        XCTAssertEqual(names, ["engine-wrappers", "library-api-wrappers", "parallel-wrappers"])
        for name in names {
            let run = try BuiltBinary.run(["suggest", "Fixtures/\(name)", "--no-cache", "-q"], in: Repo.root)
            XCTAssertEqual(run.code, 0, run.all)
            let expected = try String(contentsOfFile: Repo.fixture(name) + "/suggested.yml", encoding: .utf8)
            XCTAssertEqual(run.stdout, expected, "\(name): suggest printed something else")
        }
    }

    func testSuggestedRulesAreAConfigurationThatMakesTheWrappersSinks() throws {
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-suggest-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Repo.fixture("engine-wrappers"), toPath: tree)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try FileManager.default.moveItem(atPath: tree + "/suggested.yml", toPath: tree + "/sinkmap.yml")
        let run = try BuiltBinary.run(["scan", tree, "--no-cache", "-q", "--format", "json"], in: Repo.root)
        XCTAssertEqual(run.code, 0, run.all)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let paths = report["paths"] as! [[String: Any]]
        let reached = Set(paths.map { p -> String in
            let sink = p["sink"] as! [String: Any]
            return "\(sink["rule"]!) \(sink["function"]!) \(sink["category"]!)"
        })
        XCTAssertEqual(reached, [
            "project/engine-modelloader-load engine::ModelLoader::load model-load",
            "project/engine-pipeline-chat engine::Pipeline::chat inference",
            "project/engine-tokenizer-encode engine::Tokenizer::encode tokenize",
        ])
    }

    func testJSONCarriesTheEvidence() throws {
        let run = try BuiltBinary.run(["suggest", "Fixtures/parallel-wrappers", "--no-cache", "-q", "--format", "json"], in: Repo.root)
        XCTAssertEqual(run.code, 0, run.all)
        let doc = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(doc["format"] as? String, "sinkmap-suggest/v1")
        let rules = doc["rules"] as! [[String: Any]]
        XCTAssertEqual(rules.map { $0["function"] as! String }, ["cpu::generate", "gpu::generate"])
        XCTAssertEqual(rules.map { $0["categoryFrom"] as! String }, ["name", "name"])
        XCTAssertEqual(rules[0]["entries"] as? [String], ["main"])
        XCTAssertEqual((rules[0]["sinks"] as? [[String: String]])?.first?["function"], "llama_decode")
    }

    func testCategoryByName() {
        XCTAssertEqual(Wrappers.categoryByName("engine::Pipeline::chat"), .inference)
        XCTAssertEqual(Wrappers.categoryByName("engine::ModelLoader::load"), .modelLoad)
        XCTAssertEqual(Wrappers.categoryByName("common_init_from_params"), .modelLoad)
        XCTAssertEqual(Wrappers.categoryByName("Tokenizer::encode"), .tokenize)
        XCTAssertEqual(Wrappers.categoryByName("common_chat_apply_template"), .template)
        XCTAssertEqual(Wrappers.categoryByName("Model::getEmbedding"), .embedding)
        XCTAssertEqual(Wrappers.categoryByName("txt2img"), .inference)
        XCTAssertNil(Wrappers.categoryByName("server_context::update_slots"))
    }

    /// `--lift`: each path names the wrapper it goes through (JSON), and text shows each route to a wrapper and from
    /// it once, with counts. Without `--lift` the report is as before (no `wrapper`).
    func testLiftNamesEachPathsWrapper() throws {
        func scan(_ extra: [String]) throws -> [[String: Any]] {
            let run = try BuiltBinary.run(["scan", "Fixtures/engine-wrappers", "--no-cache", "-q", "--format", "json"] + extra, in: Repo.root)
            XCTAssertEqual(run.code, 0, run.all)
            return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any])["paths"] as! [[String: Any]]
        }
        let lifted = try scan(["--lift"]).map { p -> String in
            let frames = (p["frames"] as! [[String: Any]]).map { $0["function"] as! String }
            return frames.joined(separator: " > ") + " | " + (p["wrapper"] as? String ?? "-")
        }.sorted()
        XCTAssertEqual(lifted, [
            "main > engine::ModelLoader::load > gguf_init_from_file | engine::ModelLoader::load",
            "main::lambda@17:23 > handle_chat@src/main.cpp > engine::Pipeline::chat > engine::Pipeline::forward > ggml_backend_graph_compute | engine::Pipeline::chat",
            "main::lambda@17:23 > handle_chat@src/main.cpp > engine::Pipeline::chat > engine::Tokenizer::encode > llama_tokenize | engine::Pipeline::chat",
            "main::lambda@20:27 > engine::Tokenizer::encode > llama_tokenize | engine::Tokenizer::encode",
        ])
        XCTAssertTrue(try scan([]).allSatisfy { $0["wrapper"] == nil })

        let text = try BuiltBinary.run(["scan", "Fixtures/engine-wrappers", "--no-cache", "-q", "--lift"], in: Repo.root)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Model API (--lift)") }) else { return XCTFail(text.all) }
        XCTAssertEqual(Array(lines[(start + 1)...(start + 4)]), [
            "  engine::Pipeline::chat  engine/pipeline.cpp:11  ×2",
            "    from  POST /chat main::lambda@17:23 → handle_chat@src/main.cpp → engine::Pipeline::chat  ×2",
            "    to    engine::Pipeline::chat → engine::Pipeline::forward → ggml_backend_graph_compute  [inference]  ×1",
            "    to    engine::Pipeline::chat → engine::Tokenizer::encode → llama_tokenize  [tokenize]  ×1",
        ])
    }

    /// Without `--lift` or `--no-lift`, a sink function with more than 200 paths lifts the report: 256 paths from an
    /// 8-layer diamond of the application's statics reach `llama_decode` through the engine's `engine_generate`.
    func testManyPathsToOneSinkLiftTheReportByDefault() throws {
        let t = try TempTree("sinkmap-autolift")
        var source = "int engine_generate(int n);\n"
        for layer in 0..<8 {
            source += "static int j\(layer)(void);\nstatic int a\(layer)(void) { return j\(layer)(); }\nstatic int b\(layer)(void) { return j\(layer)(); }\n"
        }
        source += "int main(void) { return a0() + b0(); }\n"
        for layer in 0..<8 {
            let next = layer == 7 ? "engine_generate(1)" : "a\(layer + 1)() + b\(layer + 1)()"
            source += "static int j\(layer)(void) { return \(next); }\n"
        }
        try t.write("src/app.c", source)
        try t.write("src/engine.c", "int llama_decode(void * ctx, int n);\nint engine_generate(int n) { return llama_decode(0, n); }\n")

        let report = try Scanning.scan(t.root)
        XCTAssertEqual(report.paths.count, 256)
        XCTAssertEqual(Set(report.paths.map { $0.wrapper ?? "-" }), ["engine_generate"])
        let text = TextExporter().render(report)
        XCTAssertTrue(text.contains("Model API (--lift) — 256 of 256 listed paths go through"), text)
        XCTAssertTrue(text.contains("  engine_generate  src/engine.c:2  ×256"), text)
        XCTAssertTrue(text.contains("    from  … 253 more routes (253 paths)"), text)
        XCTAssertTrue(text.contains("    to    engine_generate → llama_decode  [inference]  ×256"), text)

        let unlifted = try Scanning.scan(t.root) { $0.lift = false }
        XCTAssertTrue(unlifted.paths.allSatisfy { $0.wrapper == nil })
        XCTAssertFalse(TextExporter().render(unlifted).contains("Model API"))
    }
}
