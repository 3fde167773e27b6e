import Foundation
import XCTest

/// SIGINT or SIGTERM in the middle of a scan: sinkmap exits promptly (130 / 143) with a message, the report or
/// baseline a previous run wrote is untouched, no temporary file or folder is left, no libclang worker survives, and the
/// cache is still usable — the next scan gives exactly what a scan without the cache gives.
final class InterruptTests: XCTestCase {
    /// A healthy part, and one file libclang never finishes: it includes a FIFO nobody writes to (no CPU, no
    /// memory — unlike a slow file, it cannot hurt the machine if the test fails).
    func makeTree() throws -> TempTree {
        let t = try TempTree("sinkmap-interrupt")
        try t.write("include/llama.h", "int llama_decode(void * ctx, int n);\n")
        try t.write("src/main.c", "int handle(int);\nint main(void) { return handle(1); }\n")
        try t.write("src/handle.c", "#include \"llama.h\"\nint handle(int n) { return llama_decode(0, n); }\n")
        try t.write("src/slow.c", "#include \"never.h\"\nint slow;\n")
        guard mkfifo(t.path("src/never.h"), 0o644) == 0 else { throw XCTSkip("cannot make a FIFO here") }
        return t
    }

    struct Interrupted {
        var code: Int32
        var seconds: TimeInterval
        var stderr: String
    }

    /// Starts `sinkmap ARGS` in the tree, waits until it has parsed a unit (a cache entry appears), sends `signal`
    /// and waits for it to end.
    func interrupt(_ arguments: [String], in t: TempTree, with signal: Int32) throws -> Interrupted {
        let binary = try XCTUnwrap(BuiltBinary.sinkmap, "sinkmap is not built next to the test bundle")
        let err = t.path("stderr.txt")
        FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments + ["--cache-dir", t.path("cache"), "-j", "2"]
        process.currentDirectoryURL = URL(fileURLWithPath: t.root)
        // Its own temporary folder, where the scan keeps its shared preambles: it must be left empty.
        try FileManager.default.createDirectory(atPath: t.path("tmp"), withIntermediateDirectories: true)
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": t.path("tmp")]) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        let started = Hostile.wait(60) {
            // An entry (temporary files start with a dot; `texts/` holds the files' texts, written before entries).
            ((try? FileManager.default.contentsOfDirectory(atPath: t.path("cache"))) ?? []).contains { !$0.hasPrefix(".") && $0.hasSuffix(".facts") }
        }
        XCTAssertTrue(started, "the scan never got going")
        XCTAssertTrue(process.isRunning, "the scan ended before it could be interrupted")
        kill(process.processIdentifier, signal)
        let sent = Date()
        let ended = Hostile.wait(30) { !process.isRunning }
        if !ended { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return Interrupted(code: process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus,
                           seconds: Date().timeIntervalSince(sent),
                           stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    func assertCleanStop(_ r: Interrupted, code: Int32, signal: String, tree t: TempTree, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.code, code, r.stderr, file: file, line: line)
        XCTAssertLessThan(r.seconds, 5, "sinkmap took \(r.seconds) s to stop", file: file, line: line)
        XCTAssertTrue(r.stderr.contains("sinkmap: interrupted (\(signal)); stopped."), r.stderr, file: file, line: line)
        let temporary = ((FileManager.default.enumerator(atPath: t.root)?.allObjects as? [String]) ?? []).filter { $0.contains(".tmp-") }
        XCTAssertEqual(temporary, [], "temporary files were left", file: file, line: line)
        XCTAssertEqual(try? FileManager.default.contentsOfDirectory(atPath: t.path("tmp")), [],
                       "the scan's temporary folder (shared preambles) was left", file: file, line: line)
        XCTAssertTrue(Hostile.wait(10) { Hostile.processes(mentioning: t.root).isEmpty },
                      "libclang workers outlived sinkmap: \(Hostile.processes(mentioning: t.root))", file: file, line: line)
    }

    /// After the interrupt, the cache gives the same report as no cache (the slow file removed).
    func assertCacheUsable(_ t: TempTree, file: StaticString = #filePath, line: UInt = #line) throws {
        try FileManager.default.removeItem(atPath: t.path("src/slow.c"))
        try FileManager.default.removeItem(atPath: t.path("src/never.h"))
        let cached = try BuiltBinary.run(["scan", ".", "--format", "json", "--cache-dir", t.path("cache")], in: t.root, timeout: 120)
        let fresh = try BuiltBinary.run(["scan", ".", "--format", "json", "--no-cache"], in: t.root, timeout: 120)
        XCTAssertEqual(cached.code, 0, cached.all, file: file, line: line)
        XCTAssertTrue(cached.stdout.contains("\"cachedTranslationUnits\" :"), "the cache was not used: \(cached.all)", file: file, line: line)
        XCTAssertFalse(cached.stdout.contains("damaged"), cached.all, file: file, line: line)
        XCTAssertEqual(Hostile.comparableJSON(cached.stdout), Hostile.comparableJSON(fresh.stdout), file: file, line: line)
    }

    func testSIGINTDuringAScanKeepsThePreviousReport() throws {
        let t = try makeTree()
        try t.write("report.json", "the previous report\n")
        let r = try interrupt(["scan", ".", "--format", "json", "--output", "report.json"], in: t, with: SIGINT)
        assertCleanStop(r, code: 130, signal: "SIGINT", tree: t)
        XCTAssertEqual(try String(contentsOfFile: t.path("report.json"), encoding: .utf8), "the previous report\n")
        try assertCacheUsable(t)
    }

    func testSIGTERMDuringABaselineKeepsThePreviousBaseline() throws {
        let t = try makeTree()
        let previous = """
            {
              "entries" : [],
              "tool" : { "name" : "sinkmap", "version" : "0.1.0" },
              "version" : 1
            }

            """
        try t.write("sinkmap-baseline.json", previous)
        let r = try interrupt(["baseline", ".", "-q"], in: t, with: SIGTERM)
        assertCleanStop(r, code: 143, signal: "SIGTERM", tree: t)
        XCTAssertEqual(try String(contentsOfFile: t.path("sinkmap-baseline.json"), encoding: .utf8), previous)
        try assertCacheUsable(t)
    }

    func testSIGINTDuringAnInProcessCheckStopsToo() throws {
        let t = try makeTree()
        try t.write("approved.json", "{\"calls\": [], \"entries\": [], \"failedUnits\": [], \"skippedSources\": [], \"tool\": {\"name\": \"sinkmap\", \"version\": \"0.1.0\"}, \"version\": 2}\n")
        let r = try interrupt(["check", ".", "--in-process", "--baseline", "approved.json", "--format", "json", "--output", "check.json"],
                              in: t, with: SIGINT)
        assertCleanStop(r, code: 130, signal: "SIGINT", tree: t)
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path("check.json")))
    }
}
