import Foundation
import XCTest

/// Real source files that crash or hang libclang — no injected failure: a `#pragma` libclang obeys by crashing,
/// an expression nested deeply enough to overflow its stack, a `#pragma` that makes it spin forever, and an
/// `#include` of a FIFO that blocks its read forever. With worker processes and `--tu-timeout`, each becomes a
/// fatal diagnostic naming its file and every other file's paths are reported. (IsolationTests covers the
/// mechanism with failures injected through the environment.)
final class HostileSourceIsolationTests: XCTestCase {
    func testFilesThatCrashOrHangLibclangCostOnlyThemselves() throws {
        let t = try TempTree("sinkmap-hostile-isolation")
        try t.write("include/llama.h", "int llama_decode(void * ctx, int n);\n")
        try t.write("src/main.c", """
            #include "llama.h"
            int main(void) { return llama_decode(0, 1); }
            """)
        // Each also has a path to a sink, which must not appear: the unit is skipped, not half-read.
        let prelude = "#include \"llama.h\"\nint lost(void) { return llama_decode(0, 2); }\n"
        try t.write("src/crash-pragma.c", prelude + "#pragma clang __debug crash\n")
        try t.write("src/deep-expression.c",
                    prelude + "int deep(int x) { return x" + String(repeating: "+1", count: 200_000) + "; }\n")
        try t.write("src/spins.c", prelude + "#pragma clang __debug overflow_stack\n")
        guard mkfifo(t.path("src/pipe.h"), 0o644) == 0 else { throw XCTSkip("cannot make a FIFO here") }
        try t.write("src/reads-fifo.c", prelude + "#include \"pipe.h\"\n")

        let started = Date()
        let run = try BuiltBinary.run(["scan", ".", "--format", "json", "--no-cache", "--tu-timeout", "2", "-j", "4"],
                                      in: t.root, timeout: 300)
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertLessThan(Date().timeIntervalSince(started), 120, "the hangs were not cut off by --tu-timeout")
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.all)
        let diagnostics = (report["diagnostics"] as? [[String: Any]] ?? []).map {
            "\($0["file"] as? String ?? "?"): \($0["severity"] as? String ?? "?"): \($0["message"] as? String ?? "?")"
        }
        XCTAssertEqual(diagnostics, [
            "src/crash-pragma.c: fatal: libclang crashed while parsing this file; it was skipped",
            "src/deep-expression.c: fatal: libclang crashed on this file (its worker process was killed by signal 11 (SIGSEGV)); the file was skipped",
            "src/reads-fifo.c: fatal: libclang did not finish within 2 s (--tu-timeout); the file was skipped",
            "src/spins.c: fatal: libclang did not finish within 2 s (--tu-timeout); the file was skipped",
        ], run.all)
        let stats = try XCTUnwrap(report["stats"] as? [String: Any])
        XCTAssertEqual(stats["translationUnits"] as? Int, 5)
        XCTAssertEqual(stats["failedTranslationUnits"] as? Int, 4)
        let entries = (report["paths"] as? [[String: Any]] ?? []).compactMap { ($0["entry"] as? [String: Any])?["function"] as? String }
        XCTAssertEqual(entries, ["main"], "the healthy file's path is reported, nothing from the skipped ones")
        XCTAssertTrue(Hostile.wait(10) { Hostile.processes(mentioning: t.root).isEmpty },
                      "worker processes outlived the scan: \(Hostile.processes(mentioning: t.root))")
    }
}
