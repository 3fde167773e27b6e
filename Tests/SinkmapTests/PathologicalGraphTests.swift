import Exporters
import Foundation
import PathEngine
import SinkmapReport
import XCTest

/// A repository built to explode path enumeration — a dense clique of 2,000 functions, each calling the next 50
/// and the sink, so the number of simple paths is astronomical — finishes with counts and truncation flags
/// instead of hanging or exhausting memory. No wall time is asserted; a watchdog ends the run if it hangs.
final class PathologicalGraphTests: XCTestCase {
    static let functions = 2_000
    static let fanOut = 50

    static func cliqueSource() -> String {
        var lines = ["int llama_decode(void * ctx, int n);"]
        lines += (0..<functions).map { "int f\($0)(int);" }
        for i in 0..<functions {
            let calls = (1...fanOut).map { "f\((i + $0) % functions)(x - 1)" }.joined(separator: " + ")
            lines.append("int f\(i)(int x) { if (x <= 0) return llama_decode(0, x); return \(calls) + llama_decode(0, x); }")
        }
        lines.append("int main(void) { return f0(3); }")
        return lines.joined(separator: "\n") + "\n"
    }

    func testADenseCliqueFinishesWithCountsAndTruncationFlags() throws {
        let t = try TempTree("sinkmap-clique")
        try t.write("clique.c", Self.cliqueSource())
        let done = Watchdog(seconds: 600, what: "the 2,000-function clique scan")
        defer { done.cancel() }

        let report = try Scanning.scan(t.root, jobs: 1)
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertEqual(report.stats.functions, Self.functions + 2)
        XCTAssertEqual(report.stats.calls, Self.functions * (Self.fanOut + 2) + 1)
        let count = try XCTUnwrap(report.pathCounts.first { $0.function == "llama_decode" }, "\(report.pathCounts)")
        XCTAssertFalse(count.exact, "the total of an astronomical path set cannot be exact: \(count)")
        XCTAssertFalse(count.truncatedBy.isEmpty, "the cut must be said: \(count)")
        XCTAssertEqual(count.listed, report.limits.maxPaths)
        XCTAssertGreaterThanOrEqual(count.total, count.listed)
        XCTAssertEqual(report.paths.count, report.limits.maxPaths)
        XCTAssertTrue(report.paths.allSatisfy(\.truncated), "every listed path says its set was cut")
        XCTAssertTrue(report.paths.allSatisfy { $0.frames.count <= report.limits.maxDepth + 1 })
        // What a reader sees says so too.
        let text = TextExporter().render(report)
        XCTAssertTrue(text.contains("truncated by"), text.prefix(2000).description)
    }
}

/// Ends the test process with a message if `cancel` is not called within `seconds`: a hang fails loudly instead
/// of holding CI until its own timeout.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    init(seconds: Double, what: String) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.lock(); defer { lock.unlock() }
            guard !cancelled else { return }
            FileHandle.standardError.write(Data("error: watchdog: \(what) did not finish in \(Int(seconds)) s\n".utf8))
            exit(1)
        }
    }

    func cancel() {
        lock.lock(); cancelled = true; lock.unlock()
    }
}
