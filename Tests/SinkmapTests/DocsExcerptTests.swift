import Foundation
import XCTest

/// Output shown in the docs is quoted, not typed: a code block after `<!-- excerpt of SOURCE -->` must be found in
/// SOURCE — a file of the repository (`Docs/examples/demo.dot`) or what a `sinkmap …` command prints, run from the
/// repository root (its `--output FILE` redirected to a scratch file). Text excerpts are lines of the source in
/// order (others may lie between; `…` in a line stands for any text). JSON excerpts are a part of the source's
/// JSON: every key shown has the value shown, arrays hold the elements shown in order (`"…"` marks elements left
/// out; without it the array is complete), and a string ending in `…` is a prefix.
final class DocsExcerptTests: XCTestCase {
    func testEveryMarkedExcerptIsFoundInWhatItQuotes() throws {
        var checked = 0
        for page in DocsCommandTests.pages {
            for block in try DocPage(page).blocks {
                guard let comment = block.comment, let range = comment.range(of: "<!-- excerpt of ") else { continue }
                let source = comment[range.upperBound...].components(separatedBy: " -->")[0]
                let output = try Self.output(of: source)
                let at = "\(page):\(block.line) (excerpt of \(source))"
                if block.language == "json" {
                    let shown = try JSONSerialization.jsonObject(with: Data(block.text.utf8))
                    let real = try JSONSerialization.jsonObject(with: Data(output.utf8))
                    if let problem = Self.jsonProblem(shown, real, at: "$") { XCTFail("\(at): \(problem)") }
                } else if let missing = Self.firstMissingLine(block.lines, in: output) {
                    XCTFail("\(at): this line is not in the output (in this order):\n  \(missing)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 6, "fewer marked excerpts than the docs have")
    }

    /// Docs/examples is what `make docs-examples` writes today: the report is a fresh scan of the demo (but for
    /// `stats.seconds`, and `tool.libclang`: the examples are made on the default libclang, the suite runs on 14 too)
    /// and every other example renders from it byte for byte.
    func testTheExamplesAreWhatTheBinaryWritesToday() throws {
        let examples = Repo.root + "/Docs/examples"
        let fresh = try BuiltBinary.run(["scan", "../../Fixtures/demo-ai-service", "-q", "--no-cache", "--format", "json"], in: examples)
        XCTAssertEqual(fresh.code, 0, fresh.all)
        func withoutSeconds(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("\"seconds\" :") && !$0.contains("\"libclang\" :") }.joined(separator: "\n")
        }
        XCTAssertEqual(withoutSeconds(fresh.stdout), withoutSeconds(try String(contentsOfFile: examples + "/demo.json", encoding: .utf8)),
                       "Docs/examples/demo.json is stale: run `make docs-examples`")
        for (format, file) in [("dot", "demo.dot"), ("sarif", "demo.sarif.json"), ("html", "demo.html"),
                               ("markdown", "demo-threat-model.md"), ("text", "demo.txt")] {
            let r = try BuiltBinary.run(["export", "--from", "demo.json", "--format", format], in: examples)
            XCTAssertEqual(r.code, 0, r.all)
            XCTAssertTrue(r.stdout == (try String(contentsOfFile: examples + "/" + file, encoding: .utf8)),
                          "Docs/examples/\(file) is stale: run `make docs-examples`")
        }
    }

    func testTheMatcherRejectsWhatIsNotThere() throws {
        XCTAssertNil(Self.firstMissingLine(["a", "…", "c…"], in: "a\nb\ncde"))
        XCTAssertEqual(Self.firstMissingLine(["c", "a"], in: "a\nb\nc"), "a")
        XCTAssertNil(Self.jsonProblem(["x": [1, "…"], "y": "ab…"], ["x": [0, 1, 2], "y": "abc", "z": 3], at: "$"))
        XCTAssertNotNil(Self.jsonProblem(["x": [1]], ["x": [0, 1]], at: "$"))
        XCTAssertNotNil(Self.jsonProblem(["id": "b68e"], ["id": "b68f"], at: "$"))
    }

    static func output(of source: String) throws -> String {
        guard source.hasPrefix("sinkmap ") else {
            return try String(contentsOfFile: Repo.root + "/" + source, encoding: .utf8)
        }
        var args = Array(DocShellWords.split(source).dropFirst())
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-excerpt-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var file: String?
        if let i = args.firstIndex(where: { $0 == "--output" || $0 == "-o" }), i + 1 < args.count {
            file = scratch + "/out"
            args[i + 1] = file!
        }
        let r = try BuiltBinary.run(args, in: Repo.root, timeout: 300)
        guard [0, 1].contains(r.code) else { throw XCTSkip("`\(source)` failed: \(r.all)") }
        return try file.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? r.stdout
    }

    /// The first excerpt line not found after the previous one, or nil.
    static func firstMissingLine(_ excerpt: [String], in output: String) -> String? {
        let lines = output.components(separatedBy: "\n")
        var next = 0
        for raw in excerpt {
            let wanted = raw.trimmingCharacters(in: .whitespaces)
            if wanted.isEmpty || wanted == "…" || wanted == "..." { continue }
            let parts = wanted.components(separatedBy: "…")
            guard let hit = lines[next...].firstIndex(where: { matches($0.trimmingCharacters(in: .whitespaces), parts) }) else {
                return raw
            }
            next = hit + 1
        }
        return nil
    }

    private static func matches(_ line: String, _ parts: [String]) -> Bool {
        if parts.count == 1 { return line == parts[0] }
        guard line.hasPrefix(parts[0]), line.hasSuffix(parts.last!) else { return false }
        var rest = Substring(line.dropFirst(parts[0].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let r = rest.range(of: part) else { return false }
            rest = rest[r.upperBound...]
        }
        return rest.count >= parts.last!.count
    }

    static func jsonProblem(_ shown: Any, _ real: Any, at path: String) -> String? {
        if let s = shown as? String {
            if s == "…" { return nil }
            guard let r = real as? String else { return "\(path): shown \"\(s)\", the output has \(real)" }
            if s.hasSuffix("…") { return r.hasPrefix(String(s.dropLast())) ? nil : "\(path): \"\(r)\" does not start with \"\(s.dropLast())\"" }
            return s == r ? nil : "\(path): shown \"\(s)\", the output has \"\(r)\""
        }
        if let object = shown as? [String: Any] {
            guard let r = real as? [String: Any] else { return "\(path): shown an object, the output has \(real)" }
            for key in object.keys.sorted() where key != "…" {
                guard let value = r[key] else { return "\(path).\(key): not in the output" }
                if let p = jsonProblem(object[key]!, value, at: "\(path).\(key)") { return p }
            }
            return nil
        }
        if let array = shown as? [Any] {
            guard let r = array.isEmpty ? (real as? [Any]) : (real as? [Any]) else { return "\(path): shown an array, the output has \(real)" }
            let elided = array.contains { ($0 as? String) == "…" }
            let wanted = array.filter { ($0 as? String) != "…" }
            if !elided && wanted.count != r.count { return "\(path): shown \(wanted.count) elements, the output has \(r.count) (add \"…\")" }
            var next = 0
            for (n, w) in wanted.enumerated() {
                guard let hit = (next..<r.count).first(where: { jsonProblem(w, r[$0], at: path) == nil }) else {
                    return "\(path)[\(n)]: no element of the output matches " + (jsonProblem(w, r.indices.contains(next) ? r[next] : NSNull(), at: "\(path)[\(next)]") ?? "")
                }
                next = hit + 1
            }
            return nil
        }
        if let n = shown as? NSNumber {
            guard let r = real as? NSNumber, r == n else { return "\(path): shown \(n), the output has \(real)" }
            return nil
        }
        if shown is NSNull { return real is NSNull ? nil : "\(path): shown null" }
        return nil
    }
}
