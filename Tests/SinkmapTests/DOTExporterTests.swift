@testable import Exporters
import Foundation
import SinkmapReport
import XCTest

final class DOTExporterTests: XCTestCase {
    func render(_ report: Report = CannedReport.value, cluster: GraphCluster = .none, focus: String? = nil) -> String {
        DOTExporter(cluster: cluster, focus: focus).render(report)
    }

    func testDrawsOnlyTheReportedPathsWithRoleStyles() {
        let dot = render()
        XCTAssertTrue(dot.hasPrefix("digraph sinkmap {\n") && dot.hasSuffix("}\n"))
        // 8 functions on the three paths, 5 calls between them.
        XCTAssertEqual(dot.components(separatedBy: "\n").filter { $0.hasPrefix("  n") && $0.dropFirst(3).first?.isNumber == true && !$0.contains("->") }.count, 8)
        XCTAssertEqual(dot.components(separatedBy: " -> ").count - 1, 5)
        XCTAssertTrue(dot.contains("entry point (main)"))
        XCTAssertTrue(dot.contains("sink [model-load] llama.cpp/model-load"))
        XCTAssertTrue(dot.contains("fillcolor=\"#fde68a\""), "model-load sinks are amber")
        XCTAssertTrue(dot.contains("1 of 3 paths drawn (max-paths)"), "truncation is said on the sink")
    }

    func testEdgesAreStyledAndLabelledByKind() {
        let dot = render()
        XCTAssertTrue(dot.contains("label=\"unresolved\", style=dashed"))
        XCTAssertTrue(dot.contains("label=\"constructor\""))
        XCTAssertTrue(dot.contains("label=\"via DECODE\""), "a macro call says so")
        let hostile = render(HostileReport.value)
        XCTAssertTrue(hostile.contains("label=\"pointer\", style=dotted"))
        XCTAssertTrue(hostile.contains("label=\"lambda\""))
        XCTAssertTrue(hostile.contains("label=\"teleport via M<A>(\\\"x\\\")\""), "an unknown kind is drawn and labelled")
    }

    func testNamesAreEscapedInsideQuotedStrings() {
        let dot = render(HostileReport.value)
        XCTAssertTrue(dot.contains(#"evil<&amp;\"'`|*_[x](y)>::run\\n"#), dot)
        XCTAssertTrue(dot.contains(#"über::Straße\\u{2028}x"#), "separators are made visible, non-ASCII kept")
        for line in dot.split(separator: "\n") {
            // Every line is one statement: an odd number of unescaped quotes would break the syntax.
            var quotes = 0, escaped = false
            for c in line {
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true } else if c == "\"" { quotes += 1 }
            }
            XCTAssertEqual(quotes % 2, 0, "unbalanced quotes in: \(line)")
        }
    }

    func testFocusDrawsOneRule() {
        let dot = render(focus: "onnxruntime/run")
        XCTAssertTrue(dot.contains("OrtApi::Run"))
        XCTAssertFalse(dot.contains("llama_decode"))
        XCTAssertTrue(dot.contains("(rule onnxruntime/run)"))
        XCTAssertEqual(dot.components(separatedBy: " -> ").count - 1, 1)
    }

    func testClusterByFileAndByNamespace() {
        let byFile = render(cluster: .file)
        XCTAssertTrue(byFile.contains("subgraph cluster_"))
        XCTAssertTrue(byFile.contains("label=\"src/models.cpp\""))
        XCTAssertTrue(byFile.contains("label=\"src/a b.c\""))
        let byNamespace = render(cluster: .namespace)
        XCTAssertTrue(byNamespace.contains(#"label="ns::Model<\"q\">""#), byNamespace)
        XCTAssertTrue(byNamespace.contains("label=\"OrtApi\""))
        XCTAssertFalse(render().contains("subgraph"))
    }

    func testScopeOfQualifiedNames() {
        XCTAssertEqual(QualifiedName.scope(of: "ns::Model<a::b>::load"), "ns::Model<a::b>")
        XCTAssertEqual(QualifiedName.scope(of: "ns::operator<<"), "ns")
        XCTAssertEqual(QualifiedName.scope(of: "Chat::operator()"), "Chat")
        XCTAssertEqual(QualifiedName.scope(of: "a::b::operator<"), "a::b")
        XCTAssertEqual(QualifiedName.scope(of: "(anonymous namespace)::f"), "(anonymous namespace)")
        XCTAssertNil(QualifiedName.scope(of: "helper@src/a::b.c"))
        XCTAssertNil(QualifiedName.scope(of: "main"))
        XCTAssertNil(QualifiedName.scope(of: "<initializer:src/models.cpp>"))
    }

    /// Graphviz accepts the output, and the names come out right in its SVG.
    func testGraphvizRendersCannedAndHostileReports() throws {
        _ = try ExternalTool.require("dot", package: "graphviz", for: "DOT rendering")
        for cluster in GraphCluster.allCases {
            let svg = String(decoding: try OutputFormat.svg.export(CannedReport.value, options: .init(cluster: cluster)), as: UTF8.self)
            XCTAssertTrue(svg.contains("<svg"), "no SVG for --cluster \(cluster)")
            XCTAssertTrue(svg.contains("ns::Model&lt;&quot;q&quot;&gt;::Model") || svg.contains("ns::Model&lt;\"q\"&gt;::Model"), svg)
        }
        let svg = String(decoding: try OutputFormat.svg.export(HostileReport.value, options: .init(cluster: .namespace)), as: UTF8.self)
        XCTAssertFalse(svg.contains("<script"), "a name became markup")
        XCTAssertFalse(svg.contains("<img"), "a name became markup")
        XCTAssertTrue(svg.contains("evil&lt;&amp;"), "`&` must survive Graphviz's entity decoding")
        let png = try OutputFormat.png.export(CannedReport.value)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "not a PNG")
        XCTAssertThrowsError(try OutputFormat.png.render(CannedReport.value)) {
            XCTAssertEqual($0 as? ExportError, .binaryFormat("png"))
        }
    }

    func testMissingGraphvizSaysHowToInstall() {
        XCTAssertNil(Graphviz.locate(environment: ["PATH": "/nonexistent"]))
        let message = ExportError.graphvizMissing(format: "svg").description
        XCTAssertTrue(message.contains("apt-get install graphviz"), message)
    }
}
