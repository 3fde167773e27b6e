import Exporters
import Foundation
import SinkmapReport
import XCTest

/// Every format rendered from the canned report must equal its golden byte for byte. Goldens change only on
/// purpose: `SINKMAP_UPDATE_GOLDENS=1 make test` rewrites them, and the diff is reviewed like code.
final class GoldenTests: XCTestCase {
    static var updating: Bool { ProcessInfo.processInfo.environment["SINKMAP_UPDATE_GOLDENS"] == "1" }

    static func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = Repo.goldens + "/" + name
        if updating {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = FileManager.default.contents(atPath: path) else {
            XCTFail("missing golden \(name); run SINKMAP_UPDATE_GOLDENS=1 make test", file: file, line: line)
            return
        }
        if Data(actual.utf8) != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1):\n  expected: \($0.element.1)\n  actual:   \($0.element.0)" }
                ?? "lengths differ (\(e.count) vs \(a.count) lines)"
            XCTFail("\(name) differs from its golden at \(where_)", file: file, line: line)
        }
    }

    func testJSONGolden() throws {
        try Self.assertGolden(try OutputFormat.json.render(CannedReport.value), "canned.json")
    }

    func testTextGolden() throws {
        try Self.assertGolden(try OutputFormat.text.render(CannedReport.value), "canned.txt")
    }

    func testDOTGolden() throws {
        try Self.assertGolden(try OutputFormat.dot.render(CannedReport.value), "canned.dot")
    }

    func testSARIFGolden() throws {
        try Self.assertGolden(try OutputFormat.sarif.render(CannedReport.value), "canned.sarif.json")
    }

    func testHTMLGolden() throws {
        try Self.assertGolden(try OutputFormat.html.render(CannedReport.value), "canned.html")
    }

    func testMarkdownGolden() throws {
        try Self.assertGolden(try OutputFormat.markdown.render(CannedReport.value), "canned.md")
    }

    /// Rendering twice, or from a report whose JSON went through a file, gives the same bytes in every format.
    func testEveryTextFormatIsDeterministicAndRendersFromSavedJSON() throws {
        let saved = try JSONExporter.decode(try JSONExporter().encode(CannedReport.value))
        for format in OutputFormat.allCases where !format.isBinary && format != .svg {
            let a = try format.render(CannedReport.value), b = try format.render(saved)
            XCTAssertEqual(a, b, "\(format) differs after a JSON round trip")
            XCTAssertEqual(a, try format.render(CannedReport.value), "\(format) is not deterministic")
            XCTAssertFalse(a.isEmpty, "\(format) rendered nothing")
        }
    }

    func testTextNeverPrintsControlCharactersFromTheScannedTree() throws {
        let text = try OutputFormat.text.render(CannedReport.value, options: .init(color: false))
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        XCTAssertTrue(text.contains("src/evil\\u{1b}[31m.c"))
    }

    func testJSONRoundTrips() throws {
        let data = try JSONExporter().encode(CannedReport.value)
        XCTAssertEqual(try JSONExporter.decode(data), CannedReport.value)
    }

    /// The demo scanned for real: the JSON contract end to end, byte for byte (the timing field zeroed).
    func testDemoScanGolden() throws {
        var report = try Scanning.scan(Repo.fixture("demo-ai-service"))
        report.stats.seconds = 0
        report.root = "demo-ai-service"
        // The libclang of the build (14, 19, …) is recorded as it names itself; the golden holds a stand-in.
        XCTAssertNotNil(report.tool.libclang)
        report.tool.libclang = "clang version N (the libclang of the build)"
        try Self.assertGolden(try OutputFormat.json.render(report), "demo-ai-service.json")
    }
}
