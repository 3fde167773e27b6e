import ClangFrontend
import Foundation
import XCTest

/// The IR cross-check (Tests/crosscheck/crosscheck.py, `make crosscheck`) on a few fixtures, so a front-end change
/// that loses a direct call shows up in `make test`. Needs python3 and a clang; skipped, saying so, without them.
final class CrosscheckTests: XCTestCase {
    static let script = Repo.root + "/Tests/crosscheck/crosscheck.py"
    /// Constructors and member initializers, member and operator calls, a call table and lambdas: the call forms
    /// most likely to go missing.
    static let fixtures = ["constructors-and-member-initializers", "operator-calls", "lambdas-and-std-function",
                          "explicit-specializations", "function-template-arguments", "stored-callbacks"]

    func tools() throws -> (python: String, clang: String, sinkmap: String) {
        guard let python = ExternalTool.locate("python3") else {
            throw XCTSkip("python3 is not installed, so the IR cross-check does not run (apt-get install python3)")
        }
        // The clang of libclang's own version first (the IR is compared with what that libclang parsed), then any.
        let own = "clang-\(ClangVersion.loadedMajor)"
        guard let clang = ExternalTool.locate(own) ?? ExternalTool.locate("clang-19") ?? ExternalTool.locate("clang-14")
                ?? ExternalTool.locate("clang") else {
            throw XCTSkip("no clang on PATH, so the IR cross-check does not run (make crosscheck installs \(own))")
        }
        guard ExternalTool.locate("llvm-cxxfilt", "c++filt") != nil
                || FileManager.default.isExecutableFile(atPath: "/usr/lib/llvm-14/bin/llvm-cxxfilt") else {
            throw XCTSkip("no demangler (llvm-cxxfilt, c++filt), so the IR cross-check does not run (apt-get install binutils)")
        }
        guard let sinkmap = BuiltBinary.sinkmap else {
            XCTFail("sinkmap is not built next to the test bundle: build with `swift build --build-tests`")
            throw XCTSkip("no sinkmap binary")
        }
        return (python, clang, sinkmap)
    }

    func testEveryDirectCallInTheIRIsAnEdge() throws {
        let (python, clang, sinkmap) = try tools()
        let run = try ExternalTool.run(python, [Self.script, "--sinkmap", sinkmap, "--clang", clang, "-j", "4"] + Self.fixtures,
                                       timeout: 300)
        XCTAssertEqual(run.code, 0, "crosscheck failed:\n\(run.text)\n\(run.stderr)")
        XCTAssertTrue(run.text.contains("crosscheck: OK"), run.text)
        // Something was compared: every fixture compiled and had direct calls.
        for name in Self.fixtures {
            XCTAssertTrue(run.text.contains(name), "\(name) missing from the report:\n\(run.text)")
        }
        let recall = run.text.split(separator: "\n").first { $0.hasPrefix("direct-call recall:") }.map(String.init) ?? ""
        XCTAssertTrue(recall.hasSuffix("= 100.0 %"), recall)
        XCTAssertFalse(recall.contains(" 0/0 "), "no direct calls were compared: \(recall)")
    }

    /// The check itself must catch a missing edge: the same fixture against a graph with one call removed.
    func testAMissingEdgeFailsTheCheck() throws {
        let (python, clang, sinkmap) = try tools()
        let scratch = try ExternalTool.temporaryDirectory("crosscheck")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fixture = "operator-calls"
        let graph = try ExternalTool.run(sinkmap, ["graph", Repo.fixture(fixture), "--format", "json", "--no-cache", "-q"])
        XCTAssertEqual(graph.code, 0, graph.stderr)
        var doc = try XCTUnwrap(JSONSerialization.jsonObject(with: graph.stdout) as? [String: Any])
        let nodes = try XCTUnwrap(doc["nodes"] as? [[String: Any]])
        var edges = try XCTUnwrap(doc["edges"] as? [[String: Any]])
        // Drop the first direct edge from main to a function the fixture defines.
        let index = try XCTUnwrap(edges.firstIndex {
            let callee = nodes[$0["callee"] as! Int]
            return ($0["kind"] as? String) == "direct" && (nodes[$0["caller"] as! Int]["name"] as? String) == "main"
                && (callee["definition"] as? Bool) == true && (callee["system"] as? Bool) == false
        }, "no direct call from main to a defined function in \(fixture)")
        let callee = try XCTUnwrap(nodes[edges[index]["callee"] as! Int]["name"] as? String)
        edges.remove(at: index)
        doc["edges"] = edges
        let broken = scratch.appendingPathComponent("graph.json")
        try JSONSerialization.data(withJSONObject: doc).write(to: broken)

        let run = try ExternalTool.run(python, [Self.script, "--graph", broken.path, "--clang", clang, fixture], timeout: 120)
        XCTAssertEqual(run.code, 1, "a missing edge must fail the check:\n\(run.text)\n\(run.stderr)")
        XCTAssertTrue(run.text.contains("MISS main -> \(callee) "), "the miss must be named:\n\(run.text)")
        XCTAssertTrue(run.stderr.contains("below 100 %"), run.stderr)
    }
}
