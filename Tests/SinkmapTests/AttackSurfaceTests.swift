import Exporters
import Foundation
import SinkmapKit
import SinkmapReport
import XCTest

/// The report a reviewer reads first: whose code each entry point is, the attack surface in review order, one
/// witness per entry point and sink, and what is folded (Docs/threat-context.md, "Whose code").
final class AttackSurfaceTests: XCTestCase {
    /// A 10-layer diamond: main reaches llama_decode by 2^10 paths. The default text prints the surface and one
    /// witness (well under 150 lines); --all-paths prints every listed path.
    func testADiamondOfAThousandPathsPrintsOneWitnessByDefault() throws {
        let t = try TempTree("sinkmap-diamond")
        var source = "int llama_decode(void * ctx, int n);\n"
        var functions: [String] = []
        for layer in 0..<10 {
            functions.append("static int j\(layer)(void);\nstatic int a\(layer)(void) { return j\(layer)(); }\nstatic int b\(layer)(void) { return j\(layer)(); }\n")
        }
        source += functions.joined()
        source += "int main(void) { return a0() + b0(); }\n"
        for layer in 0..<10 {
            let next = layer == 9 ? "llama_decode(0, 1)" : "a\(layer + 1)() + b\(layer + 1)()"
            source += "static int j\(layer)(void) { return \(next); }\n"
        }
        try t.write("src/diamond.c", source)

        let report = try Scanning.scan(t.root, limits: .init(maxPaths: 2000, maxDepth: 64))
        XCTAssertEqual(report.paths.count, 1024)
        let surface = try XCTUnwrap(report.surface)
        XCTAssertEqual(surface.entries.map(\.function), ["main"])
        XCTAssertEqual(surface.entries[0].sinks.map { "\($0.function) \($0.paths)" }, ["llama_decode 1024"])
        // The witness is the shortest listed path, ties by frame names: through every a-branch.
        let witness = try XCTUnwrap(report.paths.first { $0.id == surface.entries[0].sinks[0].witness })
        XCTAssertEqual(witness.frames.map(\.function).prefix(3), ["main", "a0@src/diamond.c", "j0@src/diamond.c"])

        let text = TextExporter().render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertLessThanOrEqual(lines, 150, text)
        XCTAssertTrue(text.contains("main  src/diamond.c:32  → llama_decode ×1024"), text)
        XCTAssertEqual(text.components(separatedBy: "\n  #").count - 1, 1, "one witness:\n\(text)")
        let all = TextExporter(allPaths: true).render(report)
        XCTAssertEqual(all.components(separatedBy: "\n  #").count - 1, 1024)
    }

    /// An SDK's header outside the scanned root (a compile database's `-I`) has inline functions that call the
    /// model; nothing in the project calls them. They are external: not entry points, counted as not listed. The
    /// project's own caller of the SDK keeps its path, its frames marked by origin.
    func testInlineFunctionsOfAnSDKHeaderOutsideTheRootAreNotEntryPoints() throws {
        let sdk = try TempTree("sinkmap-sdk")
        try sdk.write("include/llama_sdk.h", """
            int llama_decode(void * ctx, int n);
            inline int sdk_warmup() { return llama_decode(nullptr, 1); }
            inline int sdk_run(int n) { return llama_decode(nullptr, n); }
            """)
        let t = try TempTree("sinkmap-sdk-project")
        try t.write("src/app.cpp", "#include \"llama_sdk.h\"\nint main() { return sdk_run(4); }\n")
        try t.writeDatabase("compile_commands.json", [[
            "directory": t.root, "file": t.path("src/app.cpp"),
            "arguments": ["c++", "-c", "-I", sdk.path("include"), t.path("src/app.cpp")],
        ]])
        let report = try Scanning.scan(t.root)
        XCTAssertEqual(Scanning.lines(report), ["llama.cpp/decode: main -(direct)-> sdk_run -(direct)-> llama_decode"])
        let path = try XCTUnwrap(report.paths.first)
        XCTAssertEqual(path.entry.origin, "project")
        XCTAssertEqual(path.frames.map { $0.origin ?? "-" }, ["project", "external", "external"])
        XCTAssertEqual(report.surface?.notProject, .init(entries: 1, paths: 1), "sdk_warmup is set apart and counted")

        let everything = try Scanning.scan(t.root) { $0.includeVendored = true }
        XCTAssertEqual(Scanning.lines(everything).count, 2, Scanning.lines(everything).joined(separator: "\n"))
        XCTAssertNil(everything.surface?.notProject)
        XCTAssertEqual(everything.surface?.entries.map { "\($0.function) \($0.origin)" }, ["main project", "sdk_warmup external"])
    }

    /// The fixture's vendored entry points are counted, not listed, and `--include-vendored` lists them.
    func testVendoredEntryPointsAreCountedAndListedOnRequest() throws {
        let report = try Scanning.scan(Repo.fixture("vendored-code"))
        XCTAssertEqual(report.surface?.notProject, .init(entries: 2, paths: 2))
        XCTAssertEqual(report.surface?.entries.map(\.function), ["main@src/app.c", "main@tools/gen.c", "shim_decode"])
        let mg = try XCTUnwrap(report.paths.first { $0.frames.contains { $0.function == "mg_eval" } })
        // llama_decode is declared in the fixture's own include/llama.h: the project's declaration.
        XCTAssertEqual(mg.frames.map { $0.origin ?? "-" }, ["project", "vendored", "project"])

        let all = try Scanning.scan(Repo.fixture("vendored-code")) { $0.includeVendored = true }
        XCTAssertEqual(Set(Scanning.lines(all)).subtracting(Scanning.lines(report)).sorted(), [
            "llama.cpp/decode: main@ext/minigrad/minigrad.c -(direct)-> mg_selftest@ext/minigrad/minigrad.c -(direct)-> llama_decode",
            "llama.cpp/tokenize: tj_tokenize_all -(direct)-> llama_tokenize",
        ])
        XCTAssertEqual(all.paths.first { $0.entry.function == "tj_tokenize_all" }?.entry.origin, "vendored")
    }

    /// Request handlers come first and every one is in the inventory, also one that reaches no sink; within a kind,
    /// those whose request flows into a sink's arguments first; the text prints the surface line by line in that order.
    func testTheSurfaceListsEveryRouteFirstAndTheTextFollowsIt() throws {
        let report = try Scanning.scan(Repo.fixture("travelling-lambdas"))
        let surface = try XCTUnwrap(report.surface)
        XCTAssertEqual(surface.entries.map { "\($0.kind) \(($0.routes ?? []).joined(separator: ",")) \($0.sinks.map(\.function))" }, [
            "http-handler POST /completion [\"llama_decode\"]",
            // The request flows into a sink's arguments from /tokenize, not from /warmup: it comes first.
            "http-handler POST /tokenize [\"llama_decode\", \"llama_tokenize\"]",
            "http-handler POST /warmup [\"llama_decode\"]",
            "http-handler GET /health []",
            "main  [\"llama_decode\"]",
        ])
        let text = TextExporter().render(report)
        let surfaceLines = text.split(separator: "\n").filter { $0.hasPrefix("  http-handler") || $0.hasPrefix("  main") }
        XCTAssertEqual(surfaceLines.count, 5, text)
        XCTAssertTrue(surfaceLines[3].contains("GET /health") && surfaceLines[3].hasSuffix("→ no sink"), text)
    }

    /// Routes built from constants are resolved, the pattern as written kept as evidence: a `const` local
    /// (fixture), a field's default member initializer (whisper.cpp's `server_params`); a variable stays `${…}`.
    func testRoutesBuiltFromConstantsAreResolvedWithTheirEvidence() throws {
        let fixture = try Scanning.scan(Repo.fixture("http-handler-routes"))
        func entry(_ route: String, in r: Report) -> Path.Entry? { r.paths.first { ($0.entry.routes ?? []).contains(route) }?.entry }
        XCTAssertEqual(entry("POST /api/load", in: fixture)?.routeEvidence, ["POST /api/load = POST ${prefix}/load"])
        XCTAssertNotNil(entry("POST ${mount}/reload", in: fixture))
        XCTAssertNil(entry("POST ${mount}/reload", in: fixture)?.routeEvidence)
        XCTAssertNil(entry("POST /completion", in: fixture)?.routeEvidence, "a literal needs no evidence")

        let t = try TempTree("sinkmap-routes")
        try t.write("include/httplib.h", try String(contentsOfFile: Repo.fixture("http-handler-routes") + "/include/httplib.h", encoding: .utf8))
        try t.write("src/server.cpp", """
            #include <string>
            #include "httplib.h"
            int llama_decode(void * ctx, int n);
            struct server_params {
                std::string request_path = "";
                std::string inference_path = "/inference";
            };
            int main() {
                server_params sparams;
                httplib::Server svr;
                svr.Post(sparams.request_path + sparams.inference_path, [](const httplib::Request &, httplib::Response &) {
                    llama_decode(nullptr, 1);
                });
                return 0;
            }
            """)
        let report = try Scanning.scan(t.root)
        XCTAssertEqual(report.surface?.entries.first?.routes, ["POST /inference"])
        XCTAssertEqual(report.surface?.entries.first?.routeEvidence,
                       ["POST /inference = POST ${sparams.request_path}${sparams.inference_path}"])
        XCTAssertTrue(TextExporter().render(report).contains("(as written: POST ${sparams.request_path}${sparams.inference_path})"))
    }

    /// Paths end at the first sink; when the sink's body is in the tree, the sinks it reaches in turn are named on
    /// every path to it (`alsoReaches`), and in the text under the sink. A sink with no body in the tree has none.
    func testSinksInsideASinkAreNamedOnThePath() throws {
        let t = try TempTree("sinkmap-nested")
        try t.write("src/whisper.c", """
            struct whisper_context;
            struct whisper_vad_context;
            struct whisper_vad_context * whisper_vad_init_from_file_with_params(const char * path, int params);
            int llama_decode(void * ctx, int n);
            static int run_vad(const char * path) { return whisper_vad_init_from_file_with_params(path, 0) != 0; }
            int whisper_full(struct whisper_context * ctx, int use_vad) { return use_vad ? run_vad("vad.bin") : 0; }
            int main(void) { return whisper_full(0, 1) + llama_decode(0, 1); }
            """)
        let report = try Scanning.scan(t.root)
        let full = try XCTUnwrap(report.paths.first { $0.sink.function == "whisper_full" }, Scanning.lines(report).joined(separator: "\n"))
        XCTAssertEqual(full.alsoReaches, ["whisper_vad_init_from_file_with_params"])
        XCTAssertNil(report.paths.first { $0.sink.function == "llama_decode" }?.alsoReaches)
        XCTAssertTrue(TextExporter().render(report).contains("inside it, also reaches: whisper_vad_init_from_file_with_params"))
    }
}
