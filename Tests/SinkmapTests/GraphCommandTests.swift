import Foundation
import XCTest

/// `sinkmap graph`: the whole call graph as JSON (sinkmap-graph/v1) or DOT, deterministic, with the scan's exit codes.
final class GraphCommandTests: XCTestCase {
    func graph(_ arguments: [String]) throws -> BuiltBinary.Run {
        try BuiltBinary.run(["graph"] + arguments + ["--no-cache", "-q"], in: Repo.root)
    }

    func testJSONHasEveryNodeAndEdgeWithKindsAndSites() throws {
        let r = try graph(["Fixtures/demo-ai-service"])
        XCTAssertEqual(r.code, 0, r.all)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.all)
        XCTAssertEqual(doc["format"] as? String, "sinkmap-graph/v1")
        let nodes = try XCTUnwrap(doc["nodes"] as? [[String: Any]])
        let edges = try XCTUnwrap(doc["edges"] as? [[String: Any]])
        for (i, n) in nodes.enumerated() { XCTAssertEqual(n["id"] as? Int, i, "node ids are positions") }
        func name(_ id: Any?) -> String { nodes[id as! Int]["name"] as! String }
        let pairs = Set(edges.map { "\(name($0["caller"])) -(\($0["kind"] as! String))-> \(name($0["callee"]))" })
        XCTAssert(pairs.contains("svc::handle_request -(direct)-> svc::Generator::generate"), "\(pairs.sorted())")
        XCTAssert(pairs.contains("svc::Generator::generate -(direct)-> llama_decode"), "\(pairs.sorted())")
        // The function nothing calls is in the graph, as an entry point, although it reaches no sink.
        let debug = try XCTUnwrap(nodes.first { ($0["name"] as? String) == "svc::debug_dump_embeddings" }, "no svc::debug_dump_embeddings node")
        XCTAssertNotNil(debug["entry"] as? String, "an entry point (its kind is the scan's: root, exported, …)")
        XCTAssertEqual(nodes.first { ($0["name"] as? String) == "main" }?["entry"] as? String, "main")
        XCTAssertEqual(debug["file"] as? String, "src/debug.cpp")
        // Sinks carry their rule; every edge has a site with file, line and column.
        XCTAssertEqual(nodes.first { ($0["name"] as? String) == "llama_decode" }?["sink"] as? String, "llama.cpp/decode")
        for e in edges {
            let sites = try XCTUnwrap(e["sites"] as? [[String: Any]])
            XCTAssertFalse(sites.isEmpty)
            XCTAssertEqual(sites[0]["line"] as? Int, e["line"] as? Int)
        }
        let stats = try XCTUnwrap(doc["stats"] as? [String: Any])
        XCTAssertEqual(stats["edges"] as? Int, edges.count)
        XCTAssertEqual(stats["nodes"] as? Int, nodes.count)
    }

    /// Handler nodes carry their routes, every node its origin, and hand-off sites their evidence.
    func testNodesCarryRoutesAndOriginsAndSitesTheirEvidence() throws {
        let r = try graph(["Fixtures/travelling-lambdas"])
        XCTAssertEqual(r.code, 0, r.all)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.all)
        let nodes = try XCTUnwrap(doc["nodes"] as? [[String: Any]])
        let routed = nodes.compactMap { n -> String? in
            (n["routes"] as? [String]).map { "\(n["displayName"] as! String) \($0.joined(separator: ","))" }
        }
        XCTAssertEqual(routed.sorted(), ["main::lambda@35:37 POST /completion", "main::lambda@39:32 GET /health",
                                         "main::lambda@44:32 POST /warmup", "main::lambda@50:34 POST /tokenize"])
        XCTAssertTrue(nodes.allSatisfy { ["project", "vendored", "external"].contains($0["origin"] as? String ?? "") })
        let edges = try XCTUnwrap(doc["edges"] as? [[String: Any]])
        let evidence = edges.flatMap { ($0["sites"] as? [[String: Any]] ?? []).compactMap { $0["evidence"] as? String } }
        XCTAssertEqual(evidence.sorted(), ["run_now::job at src/server.cpp:31:23", "run_other::job at src/server.cpp:32:23",
                                           "with_lock::f at src/server.cpp:47:19"])
    }

    func testOutputIsDeterministicAndDOTIsAGraph() throws {
        let a = try graph(["Fixtures/virtual-dispatch", "--jobs", "1"])
        let b = try graph(["Fixtures/virtual-dispatch", "--jobs", "4"])
        XCTAssertEqual(a.code, 0, a.all)
        XCTAssertEqual(a.stdout, b.stdout, "same input, same bytes")

        let scratch = try ExternalTool.temporaryDirectory("graph")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("g.dot").path
        let dot = try graph(["Fixtures/virtual-dispatch", "--format", "dot", "--output", file])
        XCTAssertEqual(dot.code, 0, dot.all)
        XCTAssertEqual(dot.stdout, "", "written to the file, not stdout")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("digraph sinkmap {"), text)
        XCTAssertTrue(text.contains("label=\"virtual\""), "inferred edges carry their kind:\n\(text)")
        XCTAssertTrue(text.hasSuffix("}\n"))
    }

    func testBadInputExitsLikeScan() throws {
        let r = try graph(["Fixtures/does-not-exist"])
        XCTAssertEqual(r.code, 4, r.all)
        XCTAssertTrue(r.stderr.contains("no such directory"), r.all)
        let usage = try graph(["Fixtures/demo-ai-service", "--format", "svg"])
        XCTAssertEqual(usage.code, 2, usage.all)
    }
}
