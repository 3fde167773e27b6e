@testable import Exporters
import Foundation
import SinkmapReport
import XCTest

/// `--split-by sink|entry`: one drawing per group, each exactly the focused drawing of that group, in files whose
/// names are safe in any folder; and `--cluster folder`.
final class GraphSplitTests: XCTestCase {
    let report = CannedReport.value

    func testSplitBySinkIsOneFocusedDrawingPerRule() throws {
        let files = try GraphSplit.sink.export(report, as: .dot)
        XCTAssertEqual(files.map(\.name), ["llama.cpp-decode.dot", "llama.cpp-model-load.dot", "onnxruntime-run.dot"])
        for (file, rule) in zip(files, ["llama.cpp/decode", "llama.cpp/model-load", "onnxruntime/run"]) {
            XCTAssertEqual(String(decoding: file.data, as: UTF8.self), DOTExporter(focus: rule).render(report), file.name)
        }
    }

    func testSplitByEntryIsOneFocusedDrawingPerEntryPointNamedAfterItsRoute() throws {
        let files = try GraphSplit.entry.export(report, as: .dot, options: .init(cluster: .file))
        // Sorted by function: <initializer:src/models.cpp>, helper@src/a b.c (route POST /v1/run), main.
        XCTAssertEqual(files.map(\.name), ["initializer-src-models.cpp.dot", "POST-v1-run.dot", "main.dot"])
        for (file, entry) in zip(files, ["<initializer:src/models.cpp>", "helper@src/a b.c", "main"]) {
            XCTAssertEqual(String(decoding: file.data, as: UTF8.self), DOTExporter(cluster: .file, focusEntry: entry).render(report), file.name)
        }
    }

    func testSplitKeepsTheOtherFocus() throws {
        var options = OutputFormat.Options(focus: "llama.cpp/decode")
        XCTAssertEqual(try GraphSplit.entry.export(report, as: .dot, options: options).map(\.name), ["main.dot"])
        options = OutputFormat.Options()
        options.focusEntry = "POST /v1/run"
        let files = try GraphSplit.sink.export(report, as: .dot, options: options)
        XCTAssertEqual(files.map(\.name), ["onnxruntime-run.dot"])
        XCTAssertEqual(String(decoding: files[0].data, as: UTF8.self),
                       DOTExporter(focus: "onnxruntime/run", focusEntry: "POST /v1/run").render(report))
        options.focusEntry = "nothing-starts-here"
        XCTAssertEqual(try GraphSplit.sink.export(report, as: .dot, options: options), [])
    }

    func testFileNamesHaveNoSeparatorsNoDotDotABoundedLengthAndNumberedCollisions() {
        var taken = Set<String>()
        func name(_ group: String) -> String { GraphSplit.fileName(group, fallback: "sink", extension: "svg", taken: &taken) }
        XCTAssertEqual(name("../../etc/passwd"), "etc-passwd.svg")
        XCTAssertEqual(name("a..b"), "a.b.svg")
        XCTAssertEqual(name("a-.b"), "a.b-2.svg", "the same name as a..b: numbered")
        XCTAssertEqual(name(".hidden"), "hidden.svg")
        XCTAssertEqual(name("-rf"), "rf.svg", "never read as an option")
        XCTAssertEqual(name("ns::Model<\"q\">::load"), "ns-Model-q-load.svg")
        XCTAssertEqual(name("main::lambda@29:29"), "main-lambda-29-29.svg")
        XCTAssertEqual(name("line\nbreak\u{0}nul\\back"), "line-break-nul-back.svg")
        XCTAssertEqual(name("模型"), "sink.svg", "nothing left: the fallback")
        XCTAssertEqual(name(".."), "sink-2.svg")
        XCTAssertEqual(name(""), "sink-3.svg")
        XCTAssertEqual(name("a/b"), "a-b.svg")
        XCTAssertEqual(name("a:b"), "a-b-2.svg")
        XCTAssertEqual(name("A-B"), "A-B-3.svg", "case-insensitive folders: A-B.svg would be a-b.svg")
        let long = name(String(repeating: "x", count: 63) + "/" + String(repeating: "y", count: 200))
        XCTAssertEqual(long, String(repeating: "x", count: 63) + ".svg", "cut at 64 characters, then the trailing dash")
        for n in taken {
            XCTAssertFalse(n.contains("/") || n.contains("..") || n.hasPrefix(".") || n.hasPrefix("-"), n)
            XCTAssertTrue(n.unicodeScalars.allSatisfy { $0.isASCII }, n)
        }
    }

    func testClusterByFolder() {
        let dot = DOTExporter(cluster: .folder).render(report)
        let labels = dot.split(separator: "\n").filter { $0.hasPrefix("    label=") }.map { $0.split(separator: ";")[0].dropFirst(10) }
        XCTAssertEqual(labels, ["\"include\"", "\"src\""], dot)
        // The src box holds the five functions defined under src/, from its four files.
        let src = dot.components(separatedBy: "label=\"src\"")[1].components(separatedBy: "  }")[0]
        XCTAssertEqual(src.components(separatedBy: "\n    n").count - 1, 5, src)
        XCTAssertFalse(dot.contains("rank=min"), "clusters and rank constraints do not mix")
        XCTAssertEqual(DOTExporter.folder(of: "tools/server/server.cpp"), "tools/server")
        XCTAssertEqual(DOTExporter.folder(of: "main.c"), ".")
        XCTAssertEqual(DOTExporter.folder(of: "/usr/include/stdio.h"), "/usr/include")
        XCTAssertEqual(DOTExporter.folder(of: "/stdio.h"), "/")
    }
}
