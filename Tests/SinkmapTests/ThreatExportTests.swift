@testable import Exporters
import Foundation
import SinkmapReport
import XCTest

/// The threat context in the human formats: shown where a reviewer looks, and inert when the scanned tree spells
/// routes, sources and operations to break the output (HostileReport).
final class ThreatExportTests: XCTestCase {
    func testTextShowsEntryRouteReadsAndDownstream() throws {
        let text = try OutputFormat.text.render(CannedReport.value)
        XCTAssertTrue(text.contains("#1 from helper@src/a b.c (http-handler POST /v1/run, registered by main at src/main.c:12:5)  [untrusted-input]"))
        XCTAssertTrue(text.contains("       reads fgets [file] via read_line → fgets"))
        XCTAssertTrue(text.contains("     shell: system via run_hook → system, called from process_line at src/app.c:31:5"))
        let hostile = try OutputFormat.text.render(HostileReport.value)
        XCTAssertFalse(hostile.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x2028 })
    }

    func testMarkdownKeepsItsTablesAndEscapesThreatText() throws {
        let md = try MarkdownExporter().render(HostileReport.value)
        let row = try XCTUnwrap(md.split(separator: "\n").first { $0.hasPrefix("| `main` |") })
        XCTAssertEqual(MarkdownExporterTests.cells(String(row)), 4, "a route split the entry-point row: \(row)")
        // `<` stays literal only inside code spans; outside them it is escaped (`\<`).
        let prose = md.split(separator: "\n").map { MarkdownExporterTests.outsideCodeSpans(String($0)) }.joined(separator: "\n")
            .replacingOccurrences(of: "\\<", with: "")
        XCTAssertFalse(prose.contains("<script"), "raw HTML from a route or an operation")
        XCTAssertFalse(prose.contains("<img"), "raw HTML from a source")
        XCTAssertTrue(md.contains("Threat context: 1 listed path carries untrusted input"))
    }

    func testDOTNamesTheEntryKindAndRoute() throws {
        let dot = try OutputFormat.dot.render(CannedReport.value)
        XCTAssertTrue(dot.contains("entry point (http-handler POST /v1/run)"))
        let hostile = try OutputFormat.dot.render(HostileReport.value)
        XCTAssertFalse(hostile.unicodeScalars.contains { $0.value == 0x1B })
    }
}
