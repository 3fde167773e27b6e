import Foundation
import XCTest

/// Issue 21: every way found to add a path to a model call and still get "passed" from `sinkmap check`, run as CI
/// runs it (the built binary, the documented command). Each must fail the gate with its documented exit code —
/// 1 for a change (a new path or a new call on the sink-reaching slice), 7 for code that was not analysed — and
/// each has a twin that must still pass, so the gate is not simply failing everything.
final class GateBypassTests: XCTestCase {
    var tree: GateTestTree!

    override func setUpWithError() throws {
        tree = try GateTestTree.program("sinkmap-bypass")
    }

    override func tearDown() {
        tree = nil
    }

    func sinkmap(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> BuiltBinary.Run {
        try BuiltBinary.run(arguments, in: tree.root, file: file, line: line)
    }

    func approve(_ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try sinkmap(["baseline", "-j", "2"] + extra, file: file, line: line)
        XCTAssertEqual(r.code, 0, r.all, file: file, line: line)
    }

    // MARK: 1. a unit that crashes

    static let crashingCaller = """
        #include "app.h"

        int handle_admin(struct llama_context * ctx) {
            return llama_decode(ctx, 0, 0);
        }
        #pragma clang __debug crash

        """

    func testACrashingUnitIsIncompleteUnlessTheBaselineKnewItCrashed() throws {
        try approve()
        try tree.write("src/admin.c", Self.crashingCaller)
        try tree.replace("src/main.c", "    handle_health(ctx);", with: "    handle_health(ctx);\n    handle_admin(ctx);")
        try tree.replace("include/app.h", "int handle_health(struct llama_context * ctx);",
                         with: "int handle_health(struct llama_context * ctx);\nint handle_admin(struct llama_context * ctx);")
        let r = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(r.code, 7, r.all)
        XCTAssertTrue(r.stdout.hasPrefix("sinkmap check: incomplete — part of the tree was not analysed"), r.all)
        XCTAssertTrue(r.stdout.contains("\n  src/admin.c: crashed\n"), r.all)
        let json = try sinkmap(["check", "-j", "2", "--format", "json"])
        XCTAssertEqual(json.code, 7, "the same exit code whatever the format: " + json.all)
        let decision = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(decision["outcome"] as? String, "incomplete")
        XCTAssertEqual((decision["incomplete"] as? [String: Any])?["failedUnits"] as? [[String: String]],
                       [["file": "src/admin.c", "reason": "crashed"]])
        // Twin: the same caller without the pragma is a new path.
        try tree.replace("src/admin.c", "#pragma clang __debug crash\n", with: "")
        let twin = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(twin.code, 1, twin.all)
        XCTAssertTrue(twin.stdout.contains("  from main (main)\n   main  src/main.c:3\n   → handle_admin  src/admin.c:3"), twin.all)
        // A crash approved with the baseline (same file, same reason) is known: the gate passes on it.
        try tree.write("src/admin.c", Self.crashingCaller)
        try approve()
        let known = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(known.code, 0, known.all)
        let written = try tree.read("sinkmap-baseline.json")
        XCTAssertTrue(written.contains("\"failedUnits\" : [\n    {\n      \"file\" : \"src/admin.c\",\n      \"reason\" : \"crashed\"\n    }\n  ]"), written)
    }

    func testAUnitThatTimesOutIsIncomplete() throws {
        // Thousands of functions: libclang takes far longer than a millisecond on this unit.
        let body = (0..<4000).map { "int f\($0)(int x) { return x * \($0) + (x > 3 ? f\(max($0 - 1, 0))(x - 1) : 0); }" }
        try tree.write("src/big.c", "#include \"app.h\"\n" + body.joined(separator: "\n") + "\n")
        try approve()
        let r = try sinkmap(["check", "-j", "2", "--no-cache", "--tu-timeout", "0.001"])
        // A millisecond times out every unit, not only big.c: nothing was analysed, which is exit 8 (it comes before
        // 7); the result still lists each unit that was not analysed.
        XCTAssertEqual(r.code, 8, r.all)
        XCTAssertTrue(r.stderr.contains("every translation unit (4) failed to parse"), r.all)
        XCTAssertTrue(r.stdout.contains("\n  src/big.c: timed-out\n"), r.all)
        XCTAssertEqual(try sinkmap(["check", "-j", "2", "--no-cache"]).code, 0, "the twin: given the time, it passes")
    }

    func testStrictFailsOnAUnitParsedWithErrors() throws {
        try approve()
        try tree.replace("src/handlers.c", "    return ctx == 0;", with: "    return ctx == 0 +;")
        XCTAssertEqual(try sinkmap(["check"]).code, 0, "without --strict a parse error is a warning")
        let strict = try sinkmap(["check", "--strict"])
        XCTAssertEqual(strict.code, 7, strict.all)
        XCTAssertTrue(strict.stdout.contains("\n  src/handlers.c: parsed with errors (--strict)\n"), strict.all)
    }

    // MARK: 2. a path longer than --max-depth

    func testAChainPastMaxDepthIsANewCallNotAComparedPath() throws {
        try approve()
        // handle_health → step_70 → … → step_1 → llama_decode: 72 calls from main, past the default 64.
        var chain = "#include \"app.h\"\n\nint step_1(struct llama_context * ctx) { return llama_decode(ctx, 0, 0); }\n"
        for k in 2...70 { chain += "int step_\(k)(struct llama_context * ctx) { return step_\(k - 1)(ctx); }\n" }
        try tree.write("src/chain.c", chain)
        try tree.replace("src/handlers.c", "    return ctx == 0;", with: "    return step_70(ctx);")
        try tree.replace("include/app.h", "int handle_health(struct llama_context * ctx);",
                         with: "int handle_health(struct llama_context * ctx);\nint step_70(struct llama_context * ctx);")
        let r = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(r.code, 1, r.all)
        XCTAssertTrue(r.stdout.hasPrefix("sinkmap check: 72 new calls on the sink-reaching slice not in the baseline"), r.all)
        XCTAssertTrue(r.stdout.contains("  step_1 → llama_decode  (at src/chain.c:3:49)  from main to llama_decode\n"), r.all)
        XCTAssertTrue(r.stdout.contains("  handle_health → step_70  (at src/handlers.c:18:12)  from main to llama_decode\n"), r.all)
        XCTAssertTrue(r.stdout.contains("were cut by max-depth"), r.all)
        XCTAssertFalse(r.stdout.contains("compared)"), "a cut path is never said to be compared: " + r.all)
        // Twin: approved, the same tree passes although its paths are still cut. Approving lists the new calls.
        let approval = try sinkmap(["baseline", "-j", "2"])
        XCTAssertEqual(approval.code, 0, approval.all)
        XCTAssertTrue(approval.stdout.hasPrefix("sinkmap-baseline.json: 2 paths approved (0 added, 0 dropped, 2 unchanged)\n"), approval.all)
        XCTAssertTrue(approval.stdout.contains("  call step_1 → llama_decode\n"), approval.all)
        let again = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(again.code, 0, again.all)
    }

    // MARK: 3. a file name that makes a new path's fingerprint collide with an approved one

    func testAFileNameHoldingANewlineCannotImpersonateAnApprovedPath() throws {
        // Approved: main@d/a.c → run@e/x.c → llama_decode (x.c is included into a.c).
        try tree.write("d/a.c", "#include \"llama.h\"\n#include \"../e/x.c\"\nint main(void) { return run(0); }\n")
        try tree.write("e/x.c", "#include \"llama.h\"\nstatic int run(struct llama_context * c) { return llama_decode(c, 0, 0); }\n")
        try approve()
        // New: main in "d/a.c\nc:x.c@F@run@e/x.c" → llama_decode. With ids joined by newlines (format 1) its
        // fingerprint was the approved path's.
        try tree.write("d/a.c\nc:x.c@F@run@e/x.c", "#include \"llama.h\"\nint main(void) { return llama_decode(0, 0, 0); }\n")
        let r = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(r.code, 1, r.all)
        XCTAssertTrue(r.stdout.hasPrefix("sinkmap check: 1 new path not in the baseline"), r.all)
        XCTAssertTrue(r.stdout.contains("  from main@d/a.c\\u{a}c:x.c@F@run@e/x.c (main)\n"
                                        + "   main@d/a.c\\u{a}c:x.c@F@run@e/x.c  d/a.c\\u{a}c:x.c@F@run@e/x.c:2\n"), r.all)
    }

    // MARK: 4. calls hidden inside a sink's body

    func testACallInsideASinkBodyIsANewCall() throws {
        try tree.write("src/tokenize.c", """
            #include "app.h"

            int common_tokenize(struct llama_context * ctx, const char * text) {
                return text[0];
            }

            """)
        try tree.replace("src/handlers.c", "    return run_model(ctx, text);",
                         with: "    return run_model(ctx, text) + common_tokenize(ctx, text);")
        try tree.replace("include/app.h", "int handle_health(struct llama_context * ctx);",
                         with: "int handle_health(struct llama_context * ctx);\nint common_tokenize(struct llama_context * ctx, const char * text);")
        try approve()
        XCTAssertEqual(try sinkmap(["check"]).code, 0, "the twin: a sink defined in the tree, unchanged, passes")
        try tree.replace("src/tokenize.c", "    return text[0];", with: """
                system(text);
                dlopen(text, 0);
                return llama_encode(ctx, 0, 0);
            """)
        try tree.replace("src/tokenize.c", "#include \"app.h\"", with: "#include \"app.h\"\nint system(const char *);\n"
                         + "void * dlopen(const char *, int);\nint llama_encode(struct llama_context * ctx, const llama_token * t, int n);")
        let r = try sinkmap(["check", "-j", "2"])
        XCTAssertEqual(r.code, 1, r.all)
        XCTAssertTrue(r.stdout.hasPrefix("sinkmap check: 3 new calls on the sink-reaching slice not in the baseline"), r.all)
        for callee in ["system", "dlopen", "llama_encode"] {
            XCTAssertTrue(r.stdout.contains(" common_tokenize → \(callee)  (at src/tokenize.c:"), callee + r.all)
        }
        // The scan no longer says a sink a reached sink calls is "reached from no entry point".
        let scan = try sinkmap(["scan", "-q"])
        XCTAssertFalse(scan.stdout.contains("reached from no entry point"), scan.all)
        XCTAssertTrue(scan.stdout.contains("Sink functions reached only through another sink's body:\n"
                                           + "  llama_encode  [inference]  rule llama.cpp/decode  (through common_tokenize)\n"), scan.all)
        let markdown = try sinkmap(["scan", "-q", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("| `llama_encode` (reached only through `common_tokenize`) | inference |"), markdown.all)
    }

    // MARK: 5. sources in folders the walk skips

    func testASourceInEverySkippedFolderIsIncompleteUnlessExcluded() throws {
        try tree.write("sinkmap.yml", "exclude:\n  - \"src/vendor-out/*\"\n")
        try tree.write("src/vendor-out/out/old.c", "int old(void) { return 0; }\n")
        try approve()
        for folder in ["out", "node_modules", ".hidden", "bazel-x", "cmake-build-y", "Pods", "_build", "build"] {
            let file = "src/\(folder)/handler.c"
            try tree.write(file, "#include \"llama.h\"\nint handler(void) { return llama_decode(0, 0, 0); }\n")
            let r = try sinkmap(["check"])
            XCTAssertEqual(r.code, 7, folder + r.all)
            XCTAssertTrue(r.stdout.contains("\n  \(file): in a skipped folder"), folder + r.all)
            try FileManager.default.removeItem(atPath: tree.path("src/\(folder)"))
        }
        // Twin: a folder `exclude:` names explicitly passes, and a skipped source the baseline lists passes.
        try tree.write("src/vendor-out/out/handler.c", "int handler(void) { return 1; }\n")
        XCTAssertEqual(try sinkmap(["check"]).code, 0)
        try tree.write("src/out/known.c", "int known(void) { return 1; }\n")
        try approve()
        let known = try sinkmap(["check", "--format", "json"])
        XCTAssertEqual(known.code, 0, known.all)
        // The scan says what it skipped: a warning per folder, and the count in the stats.
        let scan = try sinkmap(["scan", "-q", "--format", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((report["stats"] as? [String: Any])?["skippedSourceFiles"] as? [String: Int], ["src/out/": 1], scan.stdout)
        XCTAssertEqual(scan.stderr, "sinkmap: warning: C/C++ sources in skipped folders were not scanned: src/out/ (1) "
                       + "(Docs/configuration.md, \"Skipped folders\")\n", scan.all)
        XCTAssertTrue(known.stderr.contains("warning: C/C++ sources in skipped folders were not scanned: src/out/ (1)"), known.all)
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        XCTAssertTrue(diagnostics.contains { $0["file"] as? String == "src/out/"
            && ($0["message"] as? String ?? "").hasPrefix("1 C/C++ source file not scanned") }, "\(diagnostics)")
    }

    // MARK: 6. the cache

    func testAContentChangeAtTheSameSizeAndModificationTimeIsSeen() throws {
        let pad = "    return ctx == 0;"
        let call = "    return run_model(ctx, 0);"
        try tree.replace("src/handlers.c", pad, with: pad + String(repeating: " ", count: call.utf8.count - pad.utf8.count))
        try approve()
        let file = tree.path("src/handlers.c")
        var before = stat()
        XCTAssertEqual(stat(file, &before), 0)
        try tree.replace("src/handlers.c", pad + String(repeating: " ", count: call.utf8.count - pad.utf8.count), with: call)
        // The same size, and the modification time put back to the nanosecond.
        var after = stat()
        XCTAssertEqual(stat(file, &after), 0)
        XCTAssertEqual(after.st_size, before.st_size)
        var times = [before.st_atim, before.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, file, &times, 0), 0)
        XCTAssertEqual(stat(file, &after), 0)
        XCTAssertEqual([after.st_mtim.tv_sec, after.st_mtim.tv_nsec], [before.st_mtim.tv_sec, before.st_mtim.tv_nsec])
        let r = try sinkmap(["check"])
        XCTAssertEqual(r.code, 1, r.all)
        XCTAssertTrue(r.stdout.contains("   → handle_health  src/handlers.c:17"), r.all)
    }

    func testAHeaderThatShadowsTheOneFoundIsSeenByACachedCheck() throws {
        let t = try GateTestTree("sinkmap-shadow")
        try t.write("include/llama.h", "struct llama_context;\nint llama_decode(struct llama_context * c, int n);\n")
        try t.write("include/api.h", "#include \"llama.h\"\n#define run(x) ((x) != 0)\n")
        try t.write("src/main.cpp", "#include \"api.h\"\n\nint main() {\n    return run((struct llama_context *) 0);\n}\n")
        func check() throws -> BuiltBinary.Run { try BuiltBinary.run(["check"], in: t.root) }
        XCTAssertEqual(try BuiltBinary.run(["baseline"], in: t.root).code, 0)
        let warm = try BuiltBinary.run(["scan", "-q", "--format", "json"], in: t.root)
        XCTAssertTrue(warm.stdout.contains("\"cachedTranslationUnits\" : 1"), "the cache is in use: " + warm.all)
        XCTAssertEqual(try check().code, 0)
        // Found first on the include path: the includer's own folder.
        try t.write("src/api.h", "#include \"llama.h\"\n#define run(x) llama_decode(x, 1)\n")
        let r = try check()
        XCTAssertEqual(r.code, 1, r.all)
        // libclang 19 also names the macro the call is written through (`via macro run`); 14 does not see it.
        XCTAssertTrue(r.stdout.contains("→ llama_decode  include/llama.h:2  (direct call at src/main.cpp:4:12"), r.all)
        XCTAssertEqual(try BuiltBinary.run(["check", "--no-cache"], in: t.root).code, 1, "cached and fresh agree")
    }

    func testAHeaderThatWasMissingIsSeenByACachedCheck() throws {
        let t = try GateTestTree("sinkmap-appearing")
        try t.write("include/llama.h", "struct llama_context;\nint llama_decode(struct llama_context * c, int n);\n")
        try t.write("src/main.cpp", """
            #include "llama.h"
            #if __has_include("plugin.h")
            #include "plugin.h"
            #else
            #define PLUGIN_RUN() 0
            #endif

            int main() {
                return PLUGIN_RUN();
            }

            """)
        try t.write("src/tool.cpp", "#include \"llama.h\"\n#include \"tool_plugin.h\"\n\nint main() {\n    return TOOL_RUN();\n}\n")
        XCTAssertEqual(try BuiltBinary.run(["baseline"], in: t.root).code, 0)
        XCTAssertEqual(try BuiltBinary.run(["check"], in: t.root).code, 0)
        try t.write("include/plugin.h", "#define PLUGIN_RUN() llama_decode(0, 1)\n")
        let r = try BuiltBinary.run(["check"], in: t.root)
        XCTAssertEqual(r.code, 1, r.all)
        XCTAssertTrue(r.stdout.contains("   → llama_decode  include/llama.h:2  (direct call at src/main.cpp:9:12"), r.all)
        // A plain #include of a missing header: the unit's errors do not keep it out of the cache, its probes do.
        try approve(in: t)
        try t.write("include/tool_plugin.h", "#define TOOL_RUN() llama_decode(0, 2)\n")
        let missing = try BuiltBinary.run(["check"], in: t.root)
        XCTAssertEqual(missing.code, 1, missing.all)
        XCTAssertTrue(missing.stdout.contains("   → llama_decode  include/llama.h:2  (direct call at src/tool.cpp:5:12"), missing.all)
    }

    private func approve(in t: GateTestTree) throws {
        let r = try BuiltBinary.run(["baseline"], in: t.root)
        XCTAssertEqual(r.code, 0, r.all)
    }

    // MARK: a baseline in the old format

    func testABaselineInTheOldFormatMustBeApprovedAgain() throws {
        try tree.write("sinkmap-baseline.json", """
            {"version": 1, "tool": {"name": "sinkmap", "version": "0.1.0"}, "entries": []}

            """)
        let r = try sinkmap(["check"])
        XCTAssertEqual(r.code, 3, r.all)
        XCTAssertEqual(r.stderr, "sinkmap: error: sinkmap-baseline.json: baseline format version 1 was written by an older "
                       + "sinkmap, whose path fingerprints this one does not compute (and it records no slice of the call "
                       + "graph); review the scan and approve again with `sinkmap baseline`, then commit the file\n", r.all)
        let again = try sinkmap(["baseline"])
        XCTAssertEqual(again.code, 0, again.all)
        XCTAssertTrue(again.stderr.contains("older baseline format; it is replaced"), again.all)
        XCTAssertEqual(try sinkmap(["check"]).code, 0)
    }
}
