import Foundation
import XCTest

/// A translation unit that crashes or hangs libclang costs that unit only: its worker process is killed or
/// found dead, the unit becomes a diagnostic, and every other unit's paths are still reported. The failure is
/// injected into the worker through the environment (SINKMAP_TEST_CRASH_ON / SINKMAP_TEST_HANG_ON = a file name).
final class IsolationTests: XCTestCase {
    func makeTree() throws -> TempTree {
        let tree = try TempTree("sinkmap-isolation")
        try tree.write("include/llama.h", """
            struct llama_context;
            struct llama_model;
            int llama_decode(struct llama_context * ctx, int n);
            struct llama_model * llama_model_load_from_file(const char * path, int params);
            """)
        try tree.write("src/main.c", """
            int run(void);
            void load(const char * path);
            int main(int argc, char ** argv) { load(argv[0]); return run(); }
            """)
        try tree.write("src/run.c", """
            #include "llama.h"
            int run(void) { return llama_decode(0, 1); }
            """)
        try tree.write("src/load.c", """
            #include "llama.h"
            void load(const char * path) { llama_model_load_from_file(path, 0); }
            """)
        return tree
    }

    func json(_ run: BuiltBinary.Run) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.all)
    }

    func testACrashingUnitBecomesADiagnosticAndTheRestIsReported() throws {
        let tree = try makeTree()
        let run = try BuiltBinary.run(["scan", tree.root, "--format", "json", "--no-cache"], in: tree.root,
                                      environment: ["SINKMAP_TEST_CRASH_ON": "run.c"])
        XCTAssertEqual(run.code, 0, run.all)
        let report = try json(run)
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 1, run.all)
        XCTAssertEqual(diagnostics.first?["file"] as? String, "src/run.c")
        XCTAssertEqual(diagnostics.first?["message"] as? String,
                       "libclang crashed on this file (its worker process was killed by signal 11 (SIGSEGV)); the file was skipped")
        let stats = try XCTUnwrap(report["stats"] as? [String: Any])
        XCTAssertEqual(stats["failedTranslationUnits"] as? Int, 1)
        let sinks = (report["paths"] as? [[String: Any]] ?? []).compactMap { ($0["sink"] as? [String: Any])?["function"] as? String }
        XCTAssertEqual(sinks, ["llama_model_load_from_file"], "the other units' paths survive")
    }

    func testAHangingUnitIsCutOffByTheTimeoutAndTheRestIsReported() throws {
        let tree = try makeTree()
        let started = Date()
        let run = try BuiltBinary.run(["scan", tree.root, "--format", "json", "--no-cache", "--tu-timeout", "2"],
                                      in: tree.root, environment: ["SINKMAP_TEST_HANG_ON": "load.c"])
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "the hang was not cut off")
        let report = try json(run)
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { $0["message"] as? String },
                       ["libclang did not finish within 2 s (--tu-timeout); the file was skipped"])
        let sinks = (report["paths"] as? [[String: Any]] ?? []).compactMap { ($0["sink"] as? [String: Any])?["function"] as? String }
        XCTAssertEqual(sinks, ["llama_decode"])
    }

    func testAFailedUnitIsNotCachedSoTheNextScanTriesAgain() throws {
        let tree = try makeTree()
        let cache = tree.path("cache")
        _ = try BuiltBinary.run(["scan", tree.root, "--cache-dir", cache, "-q"], in: tree.root,
                                environment: ["SINKMAP_TEST_CRASH_ON": "run.c"])
        let again = try BuiltBinary.run(["scan", tree.root, "--cache-dir", cache, "--format", "json"], in: tree.root)
        let report = try json(again)
        let stats = try XCTUnwrap(report["stats"] as? [String: Any])
        XCTAssertEqual(stats["cachedTranslationUnits"] as? Int, 2)
        XCTAssertEqual(stats["failedTranslationUnits"] as? Int, 0)
        XCTAssertEqual((report["paths"] as? [Any])?.count, 2)
    }

    func testInProcessParsingGivesTheSameReport() throws {
        let tree = try makeTree()
        var a = try json(try BuiltBinary.run(["scan", tree.root, "--format", "json", "--no-cache"], in: tree.root))
        var b = try json(try BuiltBinary.run(["scan", tree.root, "--format", "json", "--no-cache", "--in-process"], in: tree.root))
        a["stats"] = nil; b["stats"] = nil
        XCTAssertEqual(NSDictionary(dictionary: a), NSDictionary(dictionary: b))
    }
}
