@testable import Exporters
import Foundation
import SinkmapReport
import XCTest

/// Big graphs stay readable: entry points in the first column and sinks in the last, a legend of the styles the
/// drawing uses, one entry point's paths alone, and past a size the summary (entry points → sinks, weighted).
final class DOTReadabilityTests: XCTestCase {
    let report = CannedReport.value

    func testEntryPointsRankFirstAndSinksLastWithALegendOfWhatIsDrawn() {
        let dot = DOTExporter().render(report)
        let lines = dot.split(separator: "\n").map(String.init)
        let entryNodes = lines.filter { $0.contains("entry point (") && $0.hasPrefix("  n") }.map { $0.split(separator: " ")[0].trimmingCharacters(in: .whitespaces) }
        let sinkNodes = lines.filter { $0.contains("\\nsink [") && $0.hasPrefix("  n") }.map { $0.split(separator: " ")[0].trimmingCharacters(in: .whitespaces) }
        XCTAssertFalse(entryNodes.isEmpty)
        XCTAssertEqual(lines.first { $0.hasPrefix("  { rank=min;") }, "  { rank=min; " + entryNodes.map { "\($0);" }.joined(separator: " ") + " }")
        XCTAssertEqual(lines.first { $0.hasPrefix("  { rank=max;") }, "  { rank=max; " + sinkNodes.map { "\($0);" }.joined(separator: " ") + " }")
        let legend = try! XCTUnwrap(lines.first { $0.hasPrefix("  legend [") })
        XCTAssertTrue(legend.contains("blue, bold: entry point ("), legend)
        XCTAssertTrue(legend.contains("filled: sink, by category ("), legend)
        // Only kinds that are drawn: the canned report has no hand-off.
        XCTAssertFalse(legend.contains("handoff"), legend)
        // Clusters and rank constraints do not mix in Graphviz: none with --cluster.
        XCTAssertFalse(DOTExporter(cluster: .file).render(report).contains("rank=min"))
    }

    func testFocusEntryDrawsOnlyThatEntryPointsPaths() throws {
        let entry = try XCTUnwrap(report.paths.first?.entry.function)
        let dot = DOTExporter(focusEntry: entry).render(report)
        let drawn = report.paths.filter { $0.entry.function == entry }
        XCTAssertTrue(dot.contains(": \(drawn.count) \(drawn.count == 1 ? "path" : "paths") from 1 entry point"), dot)
        for other in Set(report.paths.map(\.entry.function)).subtracting([entry]) where !drawn.contains(where: { $0.frames.contains { $0.function == other } }) {
            XCTAssertFalse(dot.contains("label=\"\(other)\\n"), "\(other) is not on a path from \(entry)")
        }
    }

    func testPastTheThresholdTheSummaryGraphIsDrawn() {
        let dot = DOTExporter(summaryThreshold: 2).render(report)
        XCTAssertTrue(dot.contains("summary: the "), dot)
        XCTAssertFalse(dot.contains("  n0 "), "no function boxes in the summary\n" + dot)
        let edges = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        var pairs: [String: Int] = [:]
        for p in report.paths { pairs[p.entry.function + "→" + p.sink.function, default: 0] += 1 }
        XCTAssertEqual(edges.count, pairs.count, dot)
        XCTAssertEqual(edges.compactMap { $0.components(separatedBy: "label=\"").last?.split(separator: "\"").first.flatMap { Int($0) } }.reduce(0, +),
                       report.paths.count, "the edge labels add up to the paths")
        XCTAssertFalse(DOTExporter().render(report).contains("summary: the "))
    }

    /// A path of `length` calls from `entry` through `f1`, `f2`, … to `sink`.
    private func chain(_ length: Int, from entry: String = "main", to sink: String = "llama_decode") -> Path {
        let frames = [Frame(function: entry, file: "src/main.c", line: 1, call: .init(file: "src/main.c", line: 2, column: 3, kind: "direct"))]
            + (1..<length).map { Frame(function: "f\($0)", file: "src/f.c", line: $0, call: .init(file: "src/f.c", line: $0, column: 3, kind: "direct")) }
            + [Frame(function: sink, file: "include/llama.h", line: 18, call: nil)]
        return Path(id: "\(entry)-\(sink)", entry: .init(function: entry, kind: "main"),
                    sink: .init(rule: "llama.cpp/decode", function: sink, category: "inference"), frames: frames, truncated: false)
    }

    private func rankdir(_ paths: [Path]) -> String? {
        var long = report
        long.paths = paths
        let dot = DOTExporter().render(long)
        return dot.components(separatedBy: "graph [rankdir=").dropFirst().first.map { String($0.prefix(2)) }
    }

    /// A long, thin chain is drawn top to bottom (narrower than a page); short or wide drawings left to right.
    func testLongChainsAreDrawnTopToBottomWhenThatIsNarrower() {
        XCTAssertEqual(rankdir(report.paths), "LR")
        XCTAssertEqual(rankdir([chain(DOTExporter.longChain - 1)]), "LR", "6 columns: a page wide")
        XCTAssertEqual(rankdir([chain(DOTExporter.longChain)]), "TB", "7 columns of one box each")
        // Eight columns, but 30 sinks in the last: side by side they are wider than the columns in a row.
        let fan = (0..<30).map { chain(7, to: "sink_function_number_\($0)") }
        XCTAssertEqual(rankdir(fan), "LR")
        XCTAssertEqual(rankdir(Array(fan.prefix(3))), "TB")
        // The summary keeps its two columns left to right.
        XCTAssertTrue(DOTExporter(summaryThreshold: 2).render(report).contains("graph [rankdir=LR,"))
    }

    func testTheSummaryRendersWithGraphviz() throws {
        guard Graphviz.locate() != nil else { throw XCTSkip("Graphviz is not installed") }
        let svg = try Graphviz.render(DOTExporter(summaryThreshold: 2).render(report), to: "svg")
        XCTAssertTrue(String(decoding: svg, as: UTF8.self).contains("<svg"))
        let full = try Graphviz.render(DOTExporter().render(report), to: "svg")
        XCTAssertTrue(String(decoding: full, as: UTF8.self).contains("legend"))
    }
}
