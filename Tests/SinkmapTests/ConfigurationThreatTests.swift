import Foundation
import XCTest
@testable import PathEngine
@testable import SinkmapKit

/// The `entries:`, `sources:` and `builtin-sources:` sections of `sinkmap.yml`: accepted shapes, and each
/// mistake reported at its file:line:column.
final class ConfigurationThreatTests: XCTestCase {
    func parse(_ text: String) throws -> Configuration { try Configuration.parse(text, file: "sinkmap.yml") }

    func assertError(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try parse(text)
            XCTFail("expected a configuration error", file: file, line: line)
        } catch let e as ConfigurationError {
            XCTAssertEqual(e.description, expected, file: file, line: line)
        } catch {
            XCTFail("expected a ConfigurationError, got \(error)", file: file, line: line)
        }
    }

    func testEntriesAndSources() throws {
        let config = try parse("""
            entries:
              - pattern: "^mylib_"
                kind: exported
                label: public API
              - functions: [jobs::run_nightly, jobs::run_hourly]
                kind: callback
                untrusted: true
              - function: "api::Server::handle"
                kind: http-handler
            builtin-sources: false
            sources:
              - id: acme-queue
                function: "acme::Queue::pop"
                kind: network
              - id: acme-readers
                patterns: ["^acme::read_"]
                kind: file
            """)
        XCTAssertEqual(config.entries, [
            EntryRule(patterns: ["^mylib_"], kind: .exported, label: "public API", origin: "sinkmap.yml"),
            EntryRule(names: ["jobs::run_nightly", "jobs::run_hourly"], kind: .callback, untrusted: true, origin: "sinkmap.yml"),
            EntryRule(names: ["api::Server::handle"], kind: .httpHandler, origin: "sinkmap.yml"),
        ])
        XCTAssertEqual(config.entries.map(\.untrusted), [false, true, true], "handlers are untrusted unless said otherwise")
        XCTAssertEqual(config.sources.map(\.id), ["acme-queue", "acme-readers"])
        XCTAssertEqual(config.activeSourceRules, config.sources, "builtin-sources: false")
        XCTAssertEqual(try parse("sources: []").activeSourceRules, BuiltinThreatCatalog.sources)
    }

    func testMistakesAreReportedWhereTheyAre() {
        assertError("""
            entries:
              - function: f
                kind: webhook
            """, "sinkmap.yml:3:11: unknown entry-point kind 'webhook' (expected one of: main, initializer, http-handler, grpc-method, thread, callback, exported, root)")
        assertError("""
            entries:
              - function: f
            """, "sinkmap.yml:2:5: an entry-point rule needs a 'kind'")
        assertError("""
            entries:
              - kind: thread
            """, "sinkmap.yml:2:5: an entry-point rule needs a 'function' (exact qualified name) or a 'pattern' (regular expression)")
        assertError("""
            entries:
              - function: f
                kind: thread
                untrusted: maybe
            """, "sinkmap.yml:4:16: 'untrusted' must be true or false")
        assertError("""
            entries:
              - pattern: "(unclosed"
                kind: thread
            """, "sinkmap.yml:2:14: '(unclosed' is not a valid regular expression")
        assertError("""
            entries:
              - function: f
                kind: thread
                route: /x
            """, "sinkmap.yml:4:5: unknown key 'route' in an entry-point rule (expected kind, label, untrusted, function, functions, pattern, patterns)")
        assertError("""
            sources:
              - id: q
                function: acme::Queue::pop
                kind: queue
            """, "sinkmap.yml:4:11: unknown source kind 'queue' (expected one of: command-line, environment, stdin, file, network, http-request, rpc-request, interactive, device, other)")
        assertError("""
            sources:
              - function: acme::Queue::pop
                kind: network
            """, "sinkmap.yml:2:5: a source rule needs an 'id'")
        assertError("""
            sources:
              - id: q
                function: a
                kind: network
              - id: q
                function: b
                kind: network
            """, "sinkmap.yml:5:9: source rule id 'q' is used twice")
        assertError("entries: {kind: thread}", "sinkmap.yml:1:10: 'entries' must be a list of entry-point rules")
        assertError("builtin-sources: sometimes", "sinkmap.yml:1:18: 'builtin-sources' must be true or false")
    }

    func testBuiltinSourcesAndOperationsAreWellFormed() throws {
        _ = try NameMatcher(BuiltinThreatCatalog.sources.map { ($0.names, $0.patterns) })
        _ = try NameMatcher(BuiltinThreatCatalog.operations.map { ($0.names, $0.patterns) })
        XCTAssertEqual(Set(BuiltinThreatCatalog.sources.map(\.id)).count, BuiltinThreatCatalog.sources.count)
        XCTAssertEqual(Set(BuiltinThreatCatalog.operations.map(\.category)), Set(OperationCategory.allCases))
        let sources = try NameMatcher(BuiltinThreatCatalog.sources.map { ($0.names, $0.patterns) })
        XCTAssertNotNil(sources.match("httplib::Request::get_param_value"))
        XCTAssertNil(sources.match("acme::read"), "names are qualified: a member named read is not read(2)")
    }
}
