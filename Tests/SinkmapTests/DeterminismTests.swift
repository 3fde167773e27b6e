import Foundation
import XCTest

/// The same tree gives the same bytes in every format and in the baseline: across runs (each a new process, so a
/// new hash seed — any `Set` or `Dictionary` order that leaks into output shows), with one worker or several, with
/// the compilation database's entries shuffled, and with facts from the cache. Only the JSON report's
/// `stats.seconds` and `stats.cachedTranslationUnits` may differ (and their copy inside the HTML page).
final class DeterminismTests: XCTestCase {
    static let formats = ["json", "text", "dot", "sarif", "markdown", "html"]

    struct Variant {
        var name: String
        var entries: [[String: Any]]
        var arguments: [String]
    }

    func testEveryFormatAndTheBaselineAreByteIdenticalAcrossRunsWorkersOrderAndCache() throws {
        let t = try TempTree("sinkmap-determinism")
        let entries = try CompilationDatabaseTests.program(t)
        var rng = SeededGenerator(seed: 11)
        let variants = [
            Variant(name: "one worker", entries: entries, arguments: ["-j", "1", "--no-cache"]),
            Variant(name: "two workers", entries: entries, arguments: ["-j", "2", "--no-cache"]),
            Variant(name: "shuffled database", entries: entries.shuffled(using: &rng), arguments: ["-j", "2", "--no-cache"]),
            Variant(name: "reversed database, in process", entries: entries.reversed(), arguments: ["-j", "3", "--no-cache", "--in-process"]),
            Variant(name: "facts from the cache", entries: entries, arguments: ["-j", "2", "--cache-dir", t.path("cache")]),
        ]
        // Fill the cache, so the last variant reads every unit from it.
        try t.writeDatabase("compile_commands.json", entries)
        let warm = try BuiltBinary.run(["scan", ".", "-q", "--cache-dir", t.path("cache")], in: t.root, timeout: 120)
        XCTAssertEqual(warm.code, 0, warm.all)

        var reference: [String: String] = [:]
        for variant in variants {
            try t.writeDatabase("compile_commands.json", variant.entries)
            var outputs: [String: String] = [:]
            for format in Self.formats {
                let run = try BuiltBinary.run(["scan", ".", "-q", "--format", format] + variant.arguments, in: t.root, timeout: 120)
                XCTAssertEqual(run.code, 0, "\(variant.name) \(format): \(run.all)")
                outputs[format] = Self.comparable(run.stdout, format: format)
            }
            let baseline = try BuiltBinary.run(["baseline", ".", "-q", "--output", "b.json"] + variant.arguments, in: t.root, timeout: 120)
            XCTAssertEqual(baseline.code, 0, "\(variant.name) baseline: \(baseline.all)")
            outputs["baseline"] = try String(contentsOfFile: t.path("b.json"), encoding: .utf8)
            try FileManager.default.removeItem(atPath: t.path("b.json"))

            if variant.name == "facts from the cache" {
                let json = try BuiltBinary.run(["scan", ".", "-q", "--format", "json"] + variant.arguments, in: t.root).stdout
                XCTAssertTrue(json.contains("\"cachedTranslationUnits\" : 5"), "the cache did not answer:\n\(json)")
            }
            if reference.isEmpty {
                reference = outputs
                XCTAssertTrue(outputs["json"]!.contains("helper@src/a.c"), "the program has the paths to compare")
                continue
            }
            for (format, text) in outputs.sorted(by: { $0.key < $1.key }) {
                XCTAssertEqual(text, reference[format], "\(format) differs with \(variant.name):\n\(Self.firstDifference(text, reference[format]!))")
            }
        }
    }

    /// The output with the timing fields zeroed (pretty JSON, and the compact copy inside the HTML page).
    static func comparable(_ text: String, format: String) -> String {
        switch format {
        case "json": return Hostile.comparableJSON(text)
        case "html":
            return text.replacingOccurrences(of: #""cachedTranslationUnits":\d+,"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #""seconds":[0-9.e+-]+"#, with: #""seconds":0"#, options: .regularExpression)
        default: return text
        }
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
        for i in 0..<max(la.count, lb.count) where (i < la.count ? la[i] : nil) != (i < lb.count ? lb[i] : nil) {
            return "line \(i + 1):\n  got:      \(i < la.count ? la[i] : "(none)")\n  expected: \(i < lb.count ? lb[i] : "(none)")"
        }
        return "(same lines)"
    }
}
