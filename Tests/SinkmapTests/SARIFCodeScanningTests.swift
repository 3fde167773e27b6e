@testable import Exporters
import Foundation
import SinkmapReport
import XCTest

/// What GitHub code scanning reads from a SARIF log beyond the results: a severity and a precision per rule, a
/// link to the rule's documentation that exists, the tool's home — and the upload limits, respected with a note.
final class SARIFCodeScanningTests: XCTestCase {
    func driver(_ text: String) throws -> [String: Any] {
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        return try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    }

    func testEveryRuleHasASeverityAPrecisionAndAHelpLinkToASectionThatExists() throws {
        let driver = try driver(try SARIFExporter().render(CannedReport.value))
        XCTAssertEqual(driver["informationUri"] as? String, SARIFExporter.informationURI)
        let sinksPage = try String(contentsOfFile: Repo.root + "/Docs/sinks.md", encoding: .utf8)
        let anchors = Set(sinksPage.split(separator: "\n").filter { $0.hasPrefix("## ") }.map {
            $0.dropFirst(3).lowercased().replacingOccurrences(of: " ", with: "-")
        })
        for rule in try XCTUnwrap(driver["rules"] as? [[String: Any]]) {
            let properties = try XCTUnwrap(rule["properties"] as? [String: Any])
            let category = try XCTUnwrap(properties["category"] as? String)
            XCTAssertEqual(properties["precision"] as? String, "medium")
            XCTAssertEqual(properties["security-severity"] as? String, SinkSeverity.score(category))
            XCTAssertTrue((properties["tags"] as? [String])?.contains("security") ?? false, "GitHub reads security-severity only with the security tag")
            let help = try XCTUnwrap(rule["helpUri"] as? String)
            XCTAssertTrue(help.hasPrefix(SARIFExporter.informationURI + "/blob/main/Docs/sinks.md#"), help)
            let anchor = String(help.split(separator: "#").last!)
            XCTAssertTrue(anchors.contains(anchor), "Docs/sinks.md has no section #\(anchor)")
            XCTAssertFalse(((rule["fullDescription"] as? [String: Any])?["text"] as? String ?? "").isEmpty)
        }
        XCTAssertEqual(SARIFExporter.helpURI(category: "acme-custom"), SARIFExporter.informationURI + "/blob/main/Docs/sinks.md#other-categories")
    }

    /// Docs/sinks.md's table says the same severities as the exporter.
    func testTheSeverityTableInTheDocsIsTheExportersTable() throws {
        let page = try String(contentsOfFile: Repo.root + "/Docs/sinks.md", encoding: .utf8)
        var table: [String: String] = [:]
        for line in page.split(separator: "\n") where line.hasPrefix("| [`") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let category = cells[0].components(separatedBy: "`")[1]
            table[category] = cells[1]
        }
        XCTAssertEqual(table, SinkSeverity.scores)
        XCTAssertTrue(page.contains("| [any other](#other-categories) | \(SinkSeverity.other) |"))
    }

    func testResultsPastTheUploadLimitAreLeftOutWithANote() throws {
        let report = CannedReport.value
        XCTAssertGreaterThan(report.paths.count, 2)
        let text = try SARIFExporter(maxResults: 2, maxThreadFlowLocations: 3).render(report)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2)
        for r in results {
            let flow = try XCTUnwrap(((r["codeFlows"] as? [[String: Any]])?.first?["threadFlows"] as? [[String: Any]])?.first)
            let locations = try XCTUnwrap(flow["locations"] as? [[String: Any]])
            XCTAssertLessThanOrEqual(locations.count, 3)
            XCTAssertEqual((locations.first?["kinds"] as? [String]), ["enter"])
            XCTAssertEqual((locations.last?["kinds"] as? [String]), ["exit"])
        }
        let notes = try XCTUnwrap(((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]))
            .compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        XCTAssertTrue(notes.contains { $0.hasPrefix("\(report.paths.count - 2) of \(report.paths.count) paths are not results of this log: code scanning accepts at most 2 per run") }, notes.joined(separator: "\n"))
        XCTAssertTrue(notes.contains { $0.contains("shortened to 3 locations") }, notes.joined(separator: "\n"))
        // Within the limits: no such note.
        let full = try SARIFExporter().render(report)
        XCTAssertFalse(full.contains("code scanning accepts at most"))
    }
}
