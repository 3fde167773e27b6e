@testable import Exporters
import Foundation
import SinkmapKit
import SinkmapReport
import XCTest

/// A project's own sink categories (`categories:` in sinkmap.yml, fixture `custom-categories-config`): its rules name
/// them like built-in ones, the report carries the declarations, SARIF gives their paths the declared severity and
/// description, the Markdown worksheet heads their sections with it; an undeclared one is refused with its place.
final class CustomCategoryTests: XCTestCase {
    static let fixture = Repo.fixture("custom-categories-config")

    static let report: Result<Report, Error> = Result { try Scanning.scan(fixture) }

    func testEachSinkHasItsRulesCategoryAndTheReportTheDeclarations() throws {
        let report = try Self.report.get()
        XCTAssertEqual(report.sinks.map { "\($0.rule) \($0.function) [\($0.category)]" }, [
            "acme-complete acme::llm::complete [inference]",
            "acme-moderation acme::moderation::allowed [guardrail]",
            "acme-telemetry acme::telemetry::send [telemetry]",
        ])
        XCTAssertEqual(report.categories, [
            Report.Category(id: "telemetry", description: "Sends usage data, prompts included, to the vendor's collector", severity: "6.5"),
            Report.Category(id: "guardrail", description: "Asks the moderation service whether a prompt may pass"),
        ])
        // Declared categories hand back output: the downstream analysis runs on their paths as on inference's.
        XCTAssertEqual(report.paths.map(\.sink.category).sorted(), ["guardrail", "inference", "telemetry"])
        let json = String(decoding: try JSONExporter().encode(report), as: UTF8.self)
        XCTAssertTrue(json.contains("""
              "categories" : [
                {
                  "description" : "Sends usage data, prompts included, to the vendor's collector",
                  "id" : "telemetry",
                  "severity" : "6.5"
                },
                {
                  "description" : "Asks the moderation service whether a prompt may pass",
                  "id" : "guardrail"
                }
              ],
            """), json)
    }

    func testSARIFGivesADeclaredCategoryItsSeverityAndDescription() throws {
        let sarif = try OutputFormat.sarif.render(try Self.report.get())
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        var seen: [String: [String]] = [:]
        for rule in rules {
            let properties = rule["properties"] as? [String: Any] ?? [:]
            seen[rule["id"] as? String ?? "?"] = [
                properties["security-severity"] as? String ?? "-",
                (rule["fullDescription"] as? [String: String])?["text"] ?? "-",
                rule["helpUri"] as? String ?? "-",
                (properties["tags"] as? [String])?.joined(separator: ",") ?? "-",
            ]
        }
        let other = SARIFExporter.informationURI + "/blob/main/Docs/sinks.md#other-categories"
        XCTAssertEqual(seen["acme-telemetry"], ["6.5", "Ships the prompt to the vendor with the usage data. Sends usage data, prompts included, to the vendor's collector", other, "security,ai-ml,telemetry"])
        // No severity declared: the default for a category sinkmap does not know.
        XCTAssertEqual(seen["acme-moderation"], ["5.0", "Project rule acme-moderation. Asks the moderation service whether a prompt may pass", other, "security,ai-ml,guardrail"])
        XCTAssertEqual(seen["acme-complete"]?[0], "6.0")
        XCTAssertEqual(seen.count, 3)
    }

    func testTheWorksheetHeadsADeclaredCategoryWithItsDescription() throws {
        let markdown = try OutputFormat.markdown.render(try Self.report.get())
        XCTAssertTrue(markdown.contains("## telemetry\n\nSends usage data, prompts included, to the vendor's collector (category `telemetry`)\n"), markdown)
        XCTAssertTrue(markdown.contains("## guardrail\n\nAsks the moderation service whether a prompt may pass (category `guardrail`)\n"), markdown)
        XCTAssertTrue(markdown.contains("| telemetry | 1 | 1 | 1 / 1 |"), markdown)
    }

    func testSinksListsTheDeclaredCategories() throws {
        let r = try BuiltBinary.run(["sinks", "--config", Self.fixture + "/sinkmap.yml"], in: Repo.root)
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertTrue(r.stdout.hasPrefix("""
            acme-telemetry  [telemetry]  (\(Self.fixture)/sinkmap.yml)
                Ships the prompt to the vendor with the usage data
                acme::telemetry::send
            acme-moderation  [guardrail]
            """), r.all)
        XCTAssertTrue(r.stdout.hasSuffix("""
            rules

            Categories declared in \(Self.fixture)/sinkmap.yml:
              telemetry  Sends usage data, prompts included, to the vendor's collector  (security-severity 6.5)
              guardrail  Asks the moderation service whether a prompt may pass

            """), r.all)
    }

    /// An undeclared category in a rule stops the scan before parsing: file:line:column, the valid names, the closest.
    func testAnUndeclaredCategoryStopsTheScanWithItsPlaceAndTheClosest() throws {
        let tree = try TempTree("sinkmap-categories")
        try tree.write("main.c", "int main(void) { return 0; }\n")
        try tree.write("sinkmap.yml", """
            categories:
              - id: telemetry
                description: Sends usage data
            sinks:
              - id: acme
                function: acme_send
                category: telemetri
            """)
        let r = try BuiltBinary.run(["scan", ".", "--no-cache"], in: tree.root)
        XCTAssertEqual(r.code, 3, r.all)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "sinkmap: error: sinkmap.yml:7:15: unknown category 'telemetri' (expected one of: model-load, inference, tokenize, template, sampling, embedding, network, code-load, telemetry; a project's own category is declared under 'categories:'); did you mean 'telemetry'?\n", r.all)
    }

    /// `--sink-category` takes a declared category; an undeclared one is a usage error with the closest.
    func testSinkCategoryTakesADeclaredCategory() throws {
        let tree = try TempTree("sinkmap-categories-cli")
        let ok = try BuiltBinary.run(["scan", Self.fixture, "-q", "--no-cache", "--format", "json", "--sink", "/^acme::moderation_cache::/",
                                      "--sink-category", "guardrail"], in: tree.root)
        XCTAssertEqual(ok.code, 0, ok.all)
        let report = try JSONExporter.decode(Data(ok.stdout.utf8))
        XCTAssertEqual(report.sinks.filter { $0.rule.hasPrefix("--sink/") }.map { "\($0.function) [\($0.category)]" },
                       ["acme::moderation_cache::known [guardrail]"])
        let typo = try BuiltBinary.run(["scan", Self.fixture, "-q", "--no-cache", "--sink", "x", "--sink-category", "telemtry"], in: tree.root)
        XCTAssertEqual(typo.code, 2, typo.all)
        XCTAssertEqual(typo.stderr, "sinkmap: error: --sink-category: unknown category 'telemtry' (expected one of: model-load, inference, tokenize, template, sampling, embedding, network, code-load, telemetry, guardrail; a project's own category is declared under 'categories:'); did you mean 'telemetry'?\n", typo.all)
    }
}
