@testable import Exporters
import Foundation
import SinkmapReport
import XCTest

final class MarkdownExporterTests: XCTestCase {
    func testWorksheetHasASectionPerCategoryWithItsQuestions() throws {
        let md = try MarkdownExporter().render(CannedReport.value)
        let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        XCTAssertEqual(headings, ["## Summary", "## Model loading", "## Inference", "## Diagnostics"])
        XCTAssertTrue(md.contains("- [ ] Where does the model file come from"), "model-load questions")
        XCTAssertTrue(md.contains("pickle"), "model-load asks whether the format can carry code")
        XCTAssertTrue(md.contains("- [ ] Where does the prompt or input text come from"), "inference questions")
        XCTAssertTrue(md.contains("| `llama_model_load_from_file` | `llama.cpp/model-load` | include/llama.h:12 | 1 of 3 (max-paths) |"))
        XCTAssertTrue(md.contains("| `<initializer:src/models.cpp>` | initializer | `llama_model_load_from_file` | 1 |"))
        XCTAssertTrue(md.contains("2. `process_line` — src/app.c:20 — direct call at src/main.c:9:13"))
        XCTAssertTrue(md.contains("via macro `DECODE`"))
    }

    func testEveryCategoryInTheDataFileHasQuestions() throws {
        let questions = try ReviewQuestions.load()
        let categories = questions.categories.compactMap(\.category)
        XCTAssertEqual(Set(categories), ["model-load", "inference", "tokenize", "template", "sampling", "embedding", "network", "code-load"])
        for c in questions.categories { XCTAssertFalse(c.questions.isEmpty, "\(c.category ?? "?") has no questions") }
        XCTAssertFalse(questions.default.questions.isEmpty)
    }

    func testScannedNamesCannotBreakTheMarkdown() throws {
        let md = try MarkdownExporter().render(HostileReport.value)
        // `<` stays literal only inside code spans; outside them it is escaped.
        let prose = md.split(separator: "\n").map { Self.outsideCodeSpans(String($0)) }.joined(separator: "\n")
            .replacingOccurrences(of: "\\<", with: "")
        XCTAssertFalse(prose.contains("<script"), "raw HTML from the scanned tree")
        XCTAssertFalse(prose.contains("<img"), "raw HTML from the scanned tree")
        XCTAssertFalse(md.unicodeScalars.contains("\u{2028}"))
        // An unknown category gets the default questions under its own (escaped) name.
        XCTAssertTrue(md.contains("## weird\\<category\\>"), md)
        XCTAssertTrue(md.contains("- [ ] Should this path exist at all?"))
        // Table rows keep their four cells: every `|` from a name is escaped.
        for line in md.split(separator: "\n") where line.hasPrefix("| ") && line.contains("operator") {
            XCTAssertEqual(Self.cells(String(line)), 4, "a name split a table row: \(line)")
        }
        XCTAssertTrue(md.contains("``evil<&\"'`|*_[x](y)>::run\\n``"), "a backtick in a name widens the code fence")
        XCTAssertTrue(md.contains("| ``ns::operator<<`a`\\|b</script><img src=x onerror=alert(2)>`` |"), "pipes escaped in tables")
        XCTAssertTrue(md.contains("\\<script\\>alert(5)\\</script\\>\\\\u{a}next line"), "diagnostic text is escaped, one line")
        XCTAssertTrue(md.contains("**http-handler** — handles a network request"), "future entry kinds are explained")
    }

    func testCodeSpanAndTextEscaping() {
        XCTAssertEqual(MarkdownText.code("a`b"), "``a`b``")
        XCTAssertEqual(MarkdownText.code("`x"), "`` `x ``")
        XCTAssertEqual(MarkdownText.code("a|b", inTable: true), "`a\\|b`")
        XCTAssertEqual(MarkdownText.code("a|b"), "`a|b`")
        XCTAssertEqual(MarkdownText.code(""), "(empty)")
        XCTAssertEqual(MarkdownText.text("a_b*<c>|[d]"), "a\\_b\\*\\<c\\>\\|\\[d\\]")
        XCTAssertEqual(MarkdownText.text("line\nbreak"), "line\\\\u{a}break")
    }

    /// A line with its code spans (CommonMark: a backtick run up to the next run of the same length) removed.
    static func outsideCodeSpans(_ line: String) -> String {
        let chars = Array(line)
        var out = "", i = 0
        while i < chars.count {
            guard chars[i] == "`" else { out.append(chars[i]); i += 1; continue }
            var n = 0
            while i + n < chars.count && chars[i + n] == "`" { n += 1 }
            var j = i + n, close: Int?
            while j < chars.count {
                guard chars[j] == "`" else { j += 1; continue }
                var m = 0
                while j + m < chars.count && chars[j + m] == "`" { m += 1 }
                if m == n { close = j + m; break }
                j += m
            }
            guard let end = close else { out += String(chars[i..<(i + n)]); i += n; continue }
            i = end
        }
        return out
    }

    /// Cells of a Markdown table row, not counting escaped pipes.
    static func cells(_ row: String) -> Int {
        var count = 0, escaped = false
        for c in row {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true } else if c == "|" { count += 1 }
        }
        return count - 1
    }
}
