import Foundation
import XCTest
@testable import PathEngine
@testable import SinkmapCore
@testable import SinkmapKit

/// `sinkmap.yml` parsing: the accepted shapes, and for every mistake the exact file:line:column and message.
/// Also the sink matcher's rule order and the built-in catalog's invariants.
final class ConfigurationTests: XCTestCase {
    static let file = "sinkmap.yml"

    /// Parses `text` expecting a `ConfigurationError`; returns it (or fails the test).
    func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ConfigurationError? {
        do {
            let config = try Configuration.parse(text, file: Self.file)
            XCTFail("expected a configuration error, got \(config.sinks.map(\.id))", file: file, line: line)
            return nil
        } catch let e as ConfigurationError {
            return e
        } catch {
            XCTFail("expected a ConfigurationError, got \(type(of: error)): \(error)", file: file, line: line)
            return nil
        }
    }

    func assertError(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let e = parseError(text, file: file, line: line) else { return }
        XCTAssertEqual(e.description, expected, file: file, line: line)
    }

    // MARK: - Valid configurations

    static let valid = """
        # Project sinks for Acme.
        sinks:
          - id: acme/complete
            function: "acme::llm::Client::complete"
            category: inference
            reason: "Sends the prompt to Acme's hosted model"
          - id: acme/many
            functions: [acme_load, "acme::Model::Model"]
            category: model-load
          - id: acme/pattern
            pattern: "^acme::pipeline::"
            category: network
            reason: Reaches the pipeline
          - id: acme/patterns
            patterns:
              - "^vendor::run$"
              - '^vendor::plugin::load'
            function: vendor_dlopen
            category: code-load
        """

    func testValidConfigurationWithEveryRuleForm() throws {
        let config = try Configuration.parse(Self.valid, file: Self.file)
        XCTAssertEqual(config.path, "sinkmap.yml")
        XCTAssertEqual(config.builtinSinks, true)
        XCTAssertEqual(config.sinks, [
            SinkRule(id: "acme/complete", category: .inference, reason: "Sends the prompt to Acme's hosted model",
                     names: ["acme::llm::Client::complete"], patterns: [], origin: "sinkmap.yml"),
            SinkRule(id: "acme/many", category: .modelLoad, reason: "Project rule acme/many",
                     names: ["acme_load", "acme::Model::Model"], patterns: [], origin: "sinkmap.yml"),
            SinkRule(id: "acme/pattern", category: .network, reason: "Reaches the pipeline",
                     names: [], patterns: ["^acme::pipeline::"], origin: "sinkmap.yml"),
            SinkRule(id: "acme/patterns", category: .codeLoad, reason: "Project rule acme/patterns",
                     names: ["vendor_dlopen"], patterns: ["^vendor::run$", "^vendor::plugin::load"], origin: "sinkmap.yml"),
        ])
        // Project rules first, then the whole built-in catalog in its own order.
        XCTAssertEqual(config.activeSinkRules.count, 4 + BuiltinSinkCatalog.rules.count)
        XCTAssertEqual(Array(config.activeSinkRules.prefix(4)), config.sinks)
        XCTAssertEqual(Array(config.activeSinkRules.dropFirst(4)), BuiltinSinkCatalog.rules)
    }

    func testBuiltinSinksFalseLeavesOnlyProjectRules() throws {
        let config = try Configuration.parse("builtin-sinks: false\n" + Self.valid, file: Self.file)
        XCTAssertEqual(config.builtinSinks, false)
        XCTAssertEqual(config.activeSinkRules.map(\.id), ["acme/complete", "acme/many", "acme/pattern", "acme/patterns"])
        XCTAssertEqual(config.activeSinkRules, config.sinks)
    }

    func testEmptyAndCommentOnlyFilesAreTheDefaults() throws {
        for text in ["", "# nothing yet\n"] {
            let config = try Configuration.parse(text, file: Self.file)
            XCTAssertEqual(config.sinks, [])
            XCTAssertEqual(config.builtinSinks, true)
            XCTAssertEqual(config.activeSinkRules, BuiltinSinkCatalog.rules)
        }
    }

    func testLoadReportsTheShownName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "sinks:\n  - id: a\n    categry: inference\n".write(toFile: dir + "/sinkmap.yml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Configuration.discover(root: dir)) { error in
            XCTAssertEqual((error as? ConfigurationError)?.description,
                           "sinkmap.yml:3:5: unknown key 'categry' in a sink rule (expected id, category, reason, function, functions, pattern, patterns)")
        }
        XCTAssertThrowsError(try Configuration.load(path: dir + "/missing.yml")) { error in
            XCTAssertEqual(error as? ConfigurationError,
                           ConfigurationError(file: dir + "/missing.yml", message: "cannot read the configuration file: no such file"))
        }
        // No sinkmap.yml: the defaults, with no path.
        try FileManager.default.removeItem(atPath: dir + "/sinkmap.yml")
        XCTAssertEqual(try Configuration.discover(root: dir), Configuration())
    }

    // MARK: - Errors, each with file:line:column

    func testMalformedYAMLBadIndentation() {
        let text = """
            sinks:
              - id: acme/x
                 category: inference
                function: acme_x
            """
        guard let e = parseError(text) else { return }
        XCTAssertEqual(e.file, "sinkmap.yml")
        XCTAssertEqual(e.line, 3)
        XCTAssertEqual(e.description, "sinkmap.yml:3:14: not valid YAML: mapping values are not allowed in this context")
    }

    func testMalformedYAMLUnclosedFlowSequence() {
        let text = """
            sinks:
              - id: acme/x
                functions: [a, b
                category: inference
            """
        guard let e = parseError(text) else { return }
        XCTAssertEqual(e.file, "sinkmap.yml")
        XCTAssertEqual(e.description, "sinkmap.yml:4:13: not valid YAML: did not find expected ',' or ']'")
    }

    func testUnknownTopLevelKey() {
        assertError("""
            builtin-sinks: true
            sink:
              - id: a
            """, "sinkmap.yml:2:1: unknown key 'sink' (expected 'sinks', 'categories', 'builtin-sinks', 'entries', 'sources', 'builtin-sources', 'exclude', 'vendored', 'project' or 'parse')")
    }

    func testUnknownKeyInRule() {
        assertError("""
            sinks:
              - id: acme/x
                category: inference
                patern: "^acme::"
            """, "sinkmap.yml:4:5: unknown key 'patern' in a sink rule (expected id, category, reason, function, functions, pattern, patterns)")
    }

    func testMissingID() {
        // Points at the rule (its first key).
        assertError("""
            sinks:
              - id: acme/ok
                function: ok
                category: inference
              - category: inference
                function: acme_x
            """, "sinkmap.yml:5:5: a sink rule needs an 'id'")
    }

    func testEmptyIDIsMissing() {
        assertError("""
            sinks:
              - id: ""
                function: acme_x
                category: inference
            """, "sinkmap.yml:2:5: a sink rule needs an 'id'")
    }

    func testMissingCategory() {
        assertError("""
            sinks:
              - id: acme/x
                function: acme_x
            """, "sinkmap.yml:2:5: sink rule 'acme/x' needs a 'category'")
    }

    func testUnknownCategoryPointsAtTheValue() {
        assertError("""
            sinks:
              - id: acme/x
                function: acme_x
                category: inferense
            """, "sinkmap.yml:4:15: unknown category 'inferense' (expected one of: model-load, inference, tokenize, template, sampling, embedding, network, code-load; a project's own category is declared under 'categories:'); did you mean 'inference'?")
    }

    // MARK: - categories:

    func testDeclaredCategoriesAreUsableByRulesWhereverTheKeyStands() throws {
        let config = try Configuration.parse("""
            sinks:
              - id: acme/telemetry
                function: "acme::telemetry::send"
                category: telemetry
            categories:
              - id: telemetry
                description: "Sends usage data to the vendor"
                severity: 6.5
              - id: guard-rail2
                description: Moderation
                severity: 9
            """, file: Self.file)
        XCTAssertEqual(config.categories, [
            CategoryDeclaration(id: "telemetry", description: "Sends usage data to the vendor", severity: "6.5"),
            CategoryDeclaration(id: "guard-rail2", description: "Moderation", severity: "9.0"),
        ])
        XCTAssertEqual(config.sinks.map(\.category), [SinkCategory(rawValue: "telemetry")])
        XCTAssertFalse(config.sinks[0].category.isBuiltIn)
        XCTAssertTrue(config.sinks[0].category.producesOutput)
    }

    func testAnUndeclaredCategoryIsAnErrorWithTheDeclaredOnesAndTheClosest() {
        assertError("""
            categories:
              - id: telemetry
                description: "Sends usage data to the vendor"
            sinks:
              - id: acme/x
                function: acme_x
                category: telemtry
            """, "sinkmap.yml:7:15: unknown category 'telemtry' (expected one of: model-load, inference, tokenize, template, sampling, embedding, network, code-load, telemetry; a project's own category is declared under 'categories:'); did you mean 'telemetry'?")
        // Nothing close: no guess.
        assertError("""
            sinks:
              - id: acme/x
                function: acme_x
                category: billing
            """, "sinkmap.yml:4:15: unknown category 'billing' (expected one of: model-load, inference, tokenize, template, sampling, embedding, network, code-load; a project's own category is declared under 'categories:')")
    }

    func testEveryMistakeInACategoryIsAnErrorAtItsPlace() {
        let cases: [(String, String)] = [
            ("categories: telemetry", "sinkmap.yml:1:13: 'categories' must be a list of categories, each with 'id' and 'description'"),
            ("categories:\n  - telemetry", "sinkmap.yml:2:5: each category must be a mapping with 'id' and 'description'"),
            ("categories:\n  - description: x", "sinkmap.yml:2:5: a category needs an 'id'"),
            ("categories:\n  - id: telemetry", "sinkmap.yml:2:5: category 'telemetry' needs a 'description'"),
            ("categories:\n  - id: inference\n    description: x",
             "sinkmap.yml:2:9: category 'inference' is built in; declare only the project's own categories"),
            ("categories:\n  - id: Telemetry\n    description: x",
             "sinkmap.yml:2:9: category id 'Telemetry' must be lowercase letters, digits and '-' (at most 40 characters, starting with a letter)"),
            ("categories:\n  - id: a b\n    description: x",
             "sinkmap.yml:2:9: category id 'a b' must be lowercase letters, digits and '-' (at most 40 characters, starting with a letter)"),
            ("categories:\n  - id: t\n    description: x\n    severity: 11",
             "sinkmap.yml:4:15: 'severity' must be a number from 0.0 to 10.0 (SARIF security-severity: 9 and above critical, 7 high, 4 medium, below low)"),
            ("categories:\n  - id: t\n    description: x\n    severity: high",
             "sinkmap.yml:4:15: 'severity' must be a number from 0.0 to 10.0 (SARIF security-severity: 9 and above critical, 7 high, 4 medium, below low)"),
            ("categories:\n  - id: t\n    description: x\n    colour: red",
             "sinkmap.yml:4:5: unknown key 'colour' in a category (expected id, description, severity)"),
            ("categories:\n  - id: t\n    description: x\n  - id: t\n    description: y",
             "sinkmap.yml:4:9: category 't' is declared twice"),
        ]
        for (text, expected) in cases { assertError(text, expected) }
    }

    func testRuleWithoutFunctionOrPattern() {
        assertError("""
            sinks:
              - id: acme/x
                category: inference
                reason: nothing to match
            """, "sinkmap.yml:2:5: sink rule 'acme/x' needs a 'function' (exact qualified name) or a 'pattern' (regular expression)")
    }

    func testInvalidPatternPointsAtThePatternLine() {
        assertError("""
            sinks:
              - id: acme/x
                category: inference
                reason: "a rule"
                pattern: "(["
            """, "sinkmap.yml:5:14: '([' is not a valid regular expression")
    }

    func testInvalidPatternInListPointsAtTheItem() {
        assertError("""
            sinks:
              - id: acme/x
                category: inference
                patterns:
                  - "^ok$"
                  - "(["
            """, "sinkmap.yml:6:9: '([' is not a valid regular expression")
    }

    func testWrongValueTypes() {
        assertError("builtin-sinks: maybe\n", "sinkmap.yml:1:16: 'builtin-sinks' must be true or false")
        assertError("sinks: acme\n", "sinkmap.yml:1:8: 'sinks' must be a list of rules")
        assertError("- a\n- b\n", "sinkmap.yml:1:1: the top level must be a mapping (keys such as 'sinks:')")
        assertError("""
            sinks:
              - id: acme/x
                category: inference
                functions: acme_x
            """, "sinkmap.yml:4:16: 'functions' must be a list of strings")
        assertError("""
            sinks:
              - id: [a]
                category: inference
            """, "sinkmap.yml:2:9: 'id' must be a string")
        assertError("sinks:\n  - just-a-name\n",
                    "sinkmap.yml:2:5: each sink rule must be a mapping with 'id', 'category' and 'function' or 'pattern'")
    }

    static let duplicateIDs = """
        sinks:
          - id: acme/x
            function: acme_x
            category: inference
          - id: acme/x
            function: acme_y
            category: inference
        """

    func testDuplicateIDIsAnError() {
        guard let e = parseError(Self.duplicateIDs) else { return }
        XCTAssertEqual(e.file, "sinkmap.yml")
        XCTAssertEqual(e.message, "sink rule id 'acme/x' is used twice")
    }

    /// BUG (Sources/SinkmapKit/ConfigurationParser.swift): the duplicate-id error is the only rule error without
    /// a line — `ConfigurationError(file:message:)` is built without the node's mark — although
    /// `ConfigurationError` promises "every case names the file and line". It should point at the second `id:`'s value (line 5, column 9).
    func testBUG_duplicateIDErrorNamesTheLineOfTheSecondID() {
        guard let e = parseError(Self.duplicateIDs) else { return }
        XCTAssertEqual(e.description, "sinkmap.yml:5:9: sink rule id 'acme/x' is used twice")
    }

    func testErrorDescriptionFormats() {
        XCTAssertEqual(ConfigurationError(file: "a.yml", message: "m").description, "a.yml: m")
        XCTAssertEqual(ConfigurationError(file: "a.yml", line: 3, message: "m").description, "a.yml:3: m")
        XCTAssertEqual(ConfigurationError(file: "a.yml", line: 3, column: 7, message: "m").description, "a.yml:3:7: m")
    }

    // MARK: - Sink matching

    func testProjectRulesMatchBeforeBuiltins() throws {
        let config = try Configuration.parse("""
            sinks:
              - id: acme/decode
                function: llama_decode
                category: inference
              - id: acme/everything-llama
                pattern: "^llama_"
                category: tokenize
            """, file: Self.file)
        let matcher = try SinkMatcher(rules: config.activeSinkRules)
        func rule(_ name: String) -> String? { matcher.match(name).map { matcher.rules[$0].id } }
        XCTAssertEqual(rule("llama_decode"), "acme/decode")
        // A project pattern beats a built-in exact name that comes later.
        XCTAssertEqual(rule("llama_tokenize"), "acme/everything-llama")
        XCTAssertEqual(rule("llama_model_load_from_file"), "acme/everything-llama")
        // Anything else falls through to the catalog.
        XCTAssertEqual(rule("whisper_full"), "whisper.cpp/inference")
        XCTAssertEqual(rule("acme_decode"), nil)

        // Without the project rules the catalog owns them.
        let builtin = try SinkMatcher(rules: BuiltinSinkCatalog.rules)
        XCTAssertEqual(builtin.match("llama_decode").map { builtin.rules[$0].id }, "llama.cpp/decode")
        XCTAssertEqual(builtin.match("llama_tokenize").map { builtin.rules[$0].id }, "llama.cpp/tokenize")
    }

    func testEarlierRuleWinsForTheSameExactName() throws {
        let matcher = try SinkMatcher(rules: [
            SinkRule(id: "first", category: .inference, reason: "", names: ["f"]),
            SinkRule(id: "second", category: .network, reason: "", names: ["f", "g"], patterns: ["^f$"]),
        ])
        XCTAssertEqual(matcher.match("f"), 0)
        XCTAssertEqual(matcher.match("g"), 1)
        XCTAssertEqual(matcher.match("h"), nil)
    }

    func testUserRunIsNotOnnxRuntimeRun() throws {
        let matcher = try SinkMatcher(rules: BuiltinSinkCatalog.rules)
        func rule(_ name: String) -> String? { matcher.match(name).map { matcher.rules[$0].id } }
        XCTAssertEqual(rule("OrtApi::Run"), "onnxruntime/run")
        XCTAssertEqual(rule("OrtApi::RunAsync"), "onnxruntime/run")
        XCTAssertEqual(rule("Ort::detail::SessionImpl::Run"), "onnxruntime/run")
        XCTAssertEqual(rule("OrtApi::SessionOptionsAppendExecutionProvider_CUDA"), "onnxruntime/execution-provider")
        for user in ["Task::Run", "Run", "RunAsync", "app::OrtApi::Run", "MyOrtApi::Run", "OrtApi::Runner",
                     "Worker::forward", "main", "convert", "upscale", "my::OrtApi::SessionOptionsAppendExecutionProvider_CUDA"] {
            XCTAssertNil(rule(user), "\(user) must not be a built-in sink, matched \(rule(user) ?? "")")
        }
    }

    func testSinkMatcherRejectsAnInvalidPattern() {
        XCTAssertThrowsError(try SinkMatcher(rules: [SinkRule(id: "bad", category: .inference, reason: "", patterns: ["(["])])) {
            XCTAssertEqual($0 as? SinkMatcherError, .invalidPattern(rule: "bad", pattern: "(["))
            XCTAssertEqual("\($0)", "sink rule 'bad': '([' is not a valid regular expression")
        }
    }

    // MARK: - Built-in catalog invariants

    func testBuiltinCatalogIDsAreUnique() {
        var seen: [String: Int] = [:]
        for r in BuiltinSinkCatalog.rules { seen[r.id, default: 0] += 1 }
        XCTAssertEqual(seen.filter { $0.value > 1 }.keys.sorted(), [])
        XCTAssertEqual(seen.count, BuiltinSinkCatalog.rules.count)
        XCTAssertGreaterThan(BuiltinSinkCatalog.rules.count, 50)
    }

    func testBuiltinCatalogPatternsCompileAndAreAnchored() throws {
        var bad: [String] = []
        for r in BuiltinSinkCatalog.rules {
            for p in r.patterns {
                if (try? NSRegularExpression(pattern: p)) == nil { bad.append("\(r.id): \(p) does not compile") }
                if !p.hasPrefix("^") { bad.append("\(r.id): \(p) is not anchored with ^") }
            }
        }
        XCTAssertEqual(bad, [])
        XCTAssertNoThrow(try SinkMatcher(rules: BuiltinSinkCatalog.rules))
    }

    func testBuiltinRulesAreWellFormed() {
        var bad: [String] = []
        var owner: [String: String] = [:]
        for r in BuiltinSinkCatalog.rules {
            if r.names.isEmpty && r.patterns.isEmpty { bad.append("\(r.id): matches nothing") }
            if r.reason.isEmpty { bad.append("\(r.id): no reason") }
            if r.origin != "built-in" { bad.append("\(r.id): origin \(r.origin)") }
            if r.id.split(separator: "/").count != 2 { bad.append("\(r.id): id is not family/what") }
            for n in r.names {
                if let o = owner[n] { bad.append("\(n) is in both \(o) and \(r.id): the second never matches") }
                owner[n] = r.id
            }
        }
        XCTAssertEqual(bad, [])
        XCTAssertEqual(owner["llama_decode"], "llama.cpp/decode")
        XCTAssertEqual(owner["OrtApi::Run"], "onnxruntime/run")
    }
}
