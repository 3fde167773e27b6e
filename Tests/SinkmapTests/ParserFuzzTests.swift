import Foundation
import SinkmapCore
import XCTest
@testable import ClangFrontend
import Gate
import PathEngine
@testable import SinkmapKit
import SinkmapReport

/// Property-based fuzzing of the three parsers that read files a scanned tree can supply: `sinkmap.yml`
/// (`Configuration.parse`), `compile_commands.json` (`CompilationDatabase`, `ShellWords`) and baselines
/// (`BaselineStore.decode`). Random and mutated inputs must never crash and must give either a value or the
/// documented error type. `make fuzz` runs them for longer (see `FuzzBudget`); crashes found became the
/// regression tests at the end.
final class ParserFuzzTests: XCTestCase {
    // MARK: - sinkmap.yml

    static let configurations = [
        """
        builtin-sinks: true
        sinks:
          - id: vertex-gemini
            function: "vertex::GeminiClient::generateContent"
            category: inference
            reason: "Sends the prompt to Gemini"
          - id: acme-llm
            pattern: "^acme::llm::"
            category: inference
          - id: acme-loaders
            functions: ["acme::load_weights", "acme::load_lora"]
            patterns: ["^acme::plugins::.*::open$"]
            category: model-load
        """,
        "sinks: [{id: a, category: tokenize, function: f}, {id: b, category: network, patterns: ['^x', 'y$']}]\n",
        "# only a comment\n",
        "builtin-sinks: false\n",
        "",
    ]

    static let yamlTokens = ["[", "]", "{", "}", "- ", ": ", "? ", ", ", "&a ", "*a", "!!str ", "!!map ", "!!seq ", "|\n", ">\n",
                             "# c\n", "\n", "  ", "    ", "\t", "---\n", "...\n", "%YAML 1.2\n", "\"", "'", "\\", "\\e", "\\u202E",
                             "sinks:", "id:", "pattern:", "patterns:", "function:", "functions:", "category:", "reason:",
                             "builtin-sinks:", "inference", "model-load", "true", "null", "~", "(", ")", "[a-", "*+", "(?<",
                             "{1000000}", "\\p{", "\u{0}", "\u{FEFF}", "\u{85}", "\u{2028}", "\r", "<<: *a", "-1", "0x1F", ".inf"]

    func testConfigurationParserGivesAConfigurationOrAConfigurationError() {
        let corpus = Self.configurations.map { Array($0.utf8) }
        let mutator = Mutator(tokens: Self.yamlTokens)
        FuzzBudget().run("sinkmap-yml") { rng, keep in
            let bytes: [UInt8]
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: bytes = Array(Self.nestedYAML(&rng).utf8)
            case 1: bytes = (0..<Int.random(in: 0...40, using: &rng)).flatMap { _ in Array(Self.yamlTokens.randomElement(using: &rng)!.utf8) }
            default: bytes = mutator.mutate(corpus.randomElement(using: &rng)!, corpus: corpus, rng: &rng)
            }
            keep(Data(bytes))
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let configuration = try Configuration.parse(text, file: "fuzz.yml")
                // Whatever parses is usable: its patterns compile.
                XCTAssertNoThrow(try SinkMatcher(rules: configuration.activeSinkRules), "input: \(text.debugDescription)")
            } catch let error as ConfigurationError {
                XCTAssertTrue(error.description.hasPrefix("fuzz.yml"), "\(error) for \(text.debugDescription)")
            } catch {
                XCTFail("\(type(of: error)) is not the documented ConfigurationError: \(error) for \(text.debugDescription)")
            }
        }
    }

    /// Flow and block nesting, usually shallow, sometimes far deeper than any stack allows.
    static func nestedYAML(_ rng: inout SeededGenerator) -> String {
        let depth = Bool.random(using: &rng) ? Int.random(in: 1...300, using: &rng) : Int.random(in: 1...60_000, using: &rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return "sinks: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        case 1: return "sinks:\n" + String(repeating: "- ", count: depth) + "x\n"
        case 2: return (0..<min(depth, 400)).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v\n"
        default: return "sinks: " + String(repeating: "{a: ", count: depth) + "b" + String(repeating: "}", count: depth) + "\n"
        }
    }

    // MARK: - compile_commands.json

    static let databaseTokens = ["[", "]", "{", "}", ",", ":", "\"", "\\\"", "\\\\", "\\u0000", "\\ud800", "null", "true", "1e999",
                                 "-0", "\"directory\"", "\"file\"", "\"command\"", "\"arguments\"", "\"output\"", "\"a.c\"",
                                 "\"cc -c a.c -o a.o\"", "\"-I\"", "\"-Iinc\"", "\"--sysroot=x\"", "\"-isystem\"", "\"/\"", "\"..\"",
                                 "\" \"", "[]", "{}", "\"\"", "\"-x\"", "\"c++\"", "\"-std=c11\"", "\"-o\"", "\"-MF\""]

    func testCompilationDatabaseGivesJobsOrAFrontendError() throws {
        let t = try TempTree("sinkmap-fuzz-db")
        try t.write("a.c", "int a;\n")
        try t.write("sub/b.cpp", "int b;\n")
        let valid = try JSONSerialization.data(withJSONObject: [
            ["directory": t.root, "file": "a.c", "command": "cc -Iinc -DX=\"a b\" -c a.c -o a.o"],
            ["directory": "sub", "file": "b.cpp", "arguments": ["c++", "-I", "../inc", "-isystem", "sys", "-std=c++20", "-c", "b.cpp"]],
            ["file": t.path("a.c"), "arguments": ["cc", "-x", "c++", "a.c"]],
        ])
        let corpus = [Array(valid), Array("[]".utf8)]
        let mutator = Mutator(tokens: Self.databaseTokens)
        let file = t.path("compile_commands.json")
        FuzzBudget().run("compile-commands") { rng, keep in
            let bytes: [UInt8]
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes = Array(Self.randomDatabase(&rng, root: t.root))
            default: bytes = mutator.mutate(corpus.randomElement(using: &rng)!, corpus: corpus, rng: &rng)
            }
            keep(Data(bytes))
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                let db = try CompilationDatabase(path: file, extraArguments: ["-w"])
                for job in db.jobs {
                    XCTAssertTrue(job.file.hasPrefix("/"), "a job's file is not absolute: \(job.file)")
                    XCTAssertEqual(job.arguments.last, "-w")
                }
            } catch is FrontendError {
            } catch {
                XCTFail("\(type(of: error)) is not the documented FrontendError: \(error) for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// A well-formed JSON value of the database's shape with random contents, or of any shape at all.
    static func randomDatabase(_ rng: inout SeededGenerator, root: String) -> Data {
        func value(_ depth: Int) -> Any {
            switch Int.random(in: 0..<(depth > 3 ? 4 : 7), using: &rng) {
            case 0: return AwkwardText.string(&rng)
            case 1: return Int.random(in: -5...5, using: &rng)
            case 2: return Bool.random(using: &rng)
            case 3: return NSNull()
            case 4: return (0..<Int.random(in: 0...3, using: &rng)).map { _ in value(depth + 1) }
            default:
                var o: [String: Any] = [:]
                for _ in 0..<Int.random(in: 0...3, using: &rng) { o[AwkwardText.string(&rng, maxPieces: 2)] = value(depth + 1) }
                return o
            }
        }
        var entries: [Any] = []
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            var e: [String: Any] = [:]
            let files = ["a.c", "sub/b.cpp", root + "/a.c", "missing.c", "", AwkwardText.string(&rng)]
            if Int.random(in: 0..<8, using: &rng) > 0 { e["file"] = files.randomElement(using: &rng)! }
            if Bool.random(using: &rng) { e["directory"] = [root, "sub", "", "/", "..", AwkwardText.string(&rng)].randomElement(using: &rng)! }
            let words = (0..<Int.random(in: 0...8, using: &rng)).map { _ in AwkwardText.string(&rng, maxPieces: 3) }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: e["command"] = words.joined(separator: " ")
            case 1: e["arguments"] = words
            case 2: e["arguments"] = value(1)
            default: break
            }
            entries.append(Int.random(in: 0..<12, using: &rng) == 0 ? value(1) : e)
        }
        let top: Any = Int.random(in: 0..<10, using: &rng) == 0 ? value(0) : entries
        return (try? JSONSerialization.data(withJSONObject: top, options: [.fragmentsAllowed])) ?? Data("[]".utf8)
    }

    func testShellWordsRoundTripsQuotedWordsAndNeverCrashes() {
        FuzzBudget(quickIterations: 2000).run("shell-words") { rng, keep in
            let words = (0..<Int.random(in: 0...6, using: &rng)).map { _ in AwkwardText.string(&rng, maxPieces: 4) }
                .map { $0.replacingOccurrences(of: "\u{0}", with: "") }
            let single = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let double = words.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
                .joined(separator: "\t")
            let raw = AwkwardText.string(&rng, maxPieces: 12)
            keep(Data((single + "\n" + double + "\n" + raw).utf8))
            XCTAssertEqual(ShellWords.split(single), words, single.debugDescription)
            XCTAssertEqual(ShellWords.split(double), words, double.debugDescription)
            _ = ShellWords.split(raw)
        }
    }

    // MARK: - Baselines

    func testBaselineReaderGivesABaselineOrABaselineError() throws {
        let encoded = try BaselineStore.encode(Baseline(report: CannedReport.value))
        let corpus = [Array(encoded), Array(try BaselineStore.encode(Baseline(report: HostileReport.value))),
                      Array(#"{"version": 2, "tool": {"name": "sinkmap", "version": "0"}, "entries": [], "calls": [], "failedUnits": [], "skippedSources": []}"#.utf8)]
        let mutator = Mutator(tokens: Self.databaseTokens + ["\"version\"", "\"entries\"", "\"tool\"", "\"id\"", "\"note\"", "2",
                                                              "\"calls\"", "\"failedUnits\"", "\"skippedSources\"",
                                                              "\"0123456789abcdef0123456789abcdef\"", "\"functions\""])
        FuzzBudget().run("baseline") { rng, keep in
            let bytes = Bool.random(using: &rng)
                ? mutator.mutate(corpus.randomElement(using: &rng)!, corpus: corpus, rng: &rng)
                : Array(Self.randomDatabase(&rng, root: "/r"))
            keep(Data(bytes))
            do {
                let baseline = try BaselineStore.decode(Data(bytes), file: "b.json")
                // What was read is written back to bytes that read the same.
                let again = try BaselineStore.decode(try BaselineStore.encode(baseline), file: "b.json")
                XCTAssertEqual(again.entries.sorted(by: Baseline.Entry.order), baseline.entries.sorted(by: Baseline.Entry.order))
            } catch let error as BaselineError {
                XCTAssertTrue(error.description.hasPrefix("b.json: "), "\(error)")
            } catch {
                XCTFail("\(type(of: error)) is not the documented BaselineError: \(error) for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// Any baseline — names full of quotes, controls and bidi characters included — is written to bytes that read
    /// back to the same value, and writing is deterministic.
    func testBaselinesRoundTripWhateverTheNames() throws {
        try FuzzBudget().run("baseline-round-trip") { rng, keep in
            let entries = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                Baseline.Entry(id: String((0..<32).map { _ in "0123456789abcdef".randomElement(using: &rng)! }),
                               entry: AwkwardText.string(&rng), entryKind: AwkwardText.string(&rng, maxPieces: 2),
                               sink: AwkwardText.string(&rng), rule: AwkwardText.string(&rng),
                               functions: (0..<Int.random(in: 1...4, using: &rng)).map { _ in AwkwardText.string(&rng) },
                               note: AwkwardText.string(&rng))
            }
            let baseline = Baseline(tool: .init(version: AwkwardText.string(&rng, maxPieces: 2)), entries: entries)
            let bytes = try BaselineStore.encode(baseline)
            keep(bytes)
            XCTAssertEqual(try BaselineStore.decode(bytes, file: "b.json"), baseline)
            XCTAssertEqual(try BaselineStore.encode(baseline), bytes)
            XCTAssertNil(Hostile.rawControl(in: String(decoding: bytes, as: UTF8.self)), "a raw control character was written")
        }
    }

    // MARK: - Regressions: crashes fuzzing found

    /// Yams composes recursively; `sinks: [[[[…` ten thousand deep overflowed the stack (SIGSEGV).
    func testDeeplyNestedFlowYAMLIsAnErrorNotACrash() {
        // FILE:LINE:COLUMN of the level past the limit (column 207: `sinks: ` then 200 `[`; 804: four bytes a level).
        for (text, column) in [("sinks: " + String(repeating: "[", count: 100_000), 207), ("sinks: " + String(repeating: "{a: ", count: 50_000), 804)] {
            XCTAssertThrowsError(try Configuration.parse(text, file: "s.yml")) { error in
                XCTAssertEqual((error as? ConfigurationError)?.description, "s.yml:1:\(column): nested more than 200 levels deep; a sinkmap.yml nests four")
            }
        }
    }

    /// The same through block sequences (`- - - …`) and indentation.
    func testDeeplyNestedBlockYAMLIsAnErrorNotACrash() {
        let compact = "sinks:\n" + String(repeating: "- ", count: 20_000) + "x\n"
        XCTAssertThrowsError(try Configuration.parse(compact, file: "s.yml")) { error in
            XCTAssertEqual((error as? ConfigurationError)?.line, 2)
        }
        let indented = (0..<5000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v\n"
        XCTAssertThrowsError(try Configuration.parse(indented, file: "s.yml"))
        // NEL ends a line for libyaml: a deep line hidden behind one is still seen.
        let hidden = "a: b\u{85}" + String(repeating: "- ", count: 20_000) + "x\n"
        XCTAssertThrowsError(try Configuration.parse(hidden, file: "s.yml"))
    }

    /// Real configurations, nested as deep as they get, are far from the limit.
    func testOrdinaryConfigurationsAreWellWithinTheNestingLimit() throws {
        for text in Self.configurations {
            XCTAssertNoThrow(try Configuration.parse(text, file: "ok.yml"))
        }
        let wide = "sinks:\n" + (0..<300).map { "  - id: r\($0)\n    category: inference\n    patterns: [\"^a\\\\[\($0)\", \"[x]\"]\n" }.joined()
        XCTAssertEqual(try Configuration.parse(wide, file: "ok.yml").sinks.count, 300)
    }
}
