import Exporters
import Foundation
import SinkmapReport
import XCTest

/// Opens the HTML viewer in headless Chromium: the script runs under its own Content-Security-Policy, fills the
/// lists and the graph, and nothing from a hostile report turns into an element. Also takes a screenshot.
final class HTMLBrowserTests: XCTestCase {
    var browser: String!
    var dir: URL!

    override func setUpWithError() throws {
        guard let found = ExternalTool.locate("chromium", "chromium-browser", "google-chrome") else {
            throw XCTSkip("chromium is not installed, so the HTML viewer is not checked in a browser "
                          + "(make setup, or apt-get install chromium)")
        }
        browser = found
        dir = try ExternalTool.temporaryDirectory("html")
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    func chromium(_ arguments: [String], page: URL, fragment: String = "") throws -> ExternalTool.Run {
        let profile = dir.appendingPathComponent("profile").path
        return try ExternalTool.run(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                              "--user-data-dir=\(profile)", "--hide-scrollbars"] + arguments
                                             + [page.absoluteString + fragment])
    }

    func write(_ report: Report, _ name: String) throws -> URL {
        let page = dir.appendingPathComponent(name)
        try Data(try HTMLExporter().render(report).utf8).write(to: page)
        return page
    }

    func testHostileReportRendersAndInjectsNothing() throws {
        let page = try write(HostileReport.value, "hostile.html")
        // The fragment is input too: a search and a function name that look like markup stay text.
        let run = try chromium(["--dump-dom"], page: page, fragment: "#fn=%3Cimg%20src%3Dx%3E&q=%3Cimg%20src%3Dx%3E")
        let dom = run.text
        XCTAssertEqual(run.code, 0, run.stderr)
        XCTAssertTrue(dom.contains("data-rendered=\"2\""), "the viewer script did not run to the end:\n\(run.stderr.suffix(2000))")
        XCTAssertEqual(dom.components(separatedBy: "class=\"sink-item").count - 1, 2, "the sink list was not filled")
        XCTAssertEqual(dom.components(separatedBy: "class=\"entry-item").count - 1, 2, "the entry list was not filled")
        XCTAssertEqual(dom.components(separatedBy: "class=\"node ").count - 1, 5, "the graph was not drawn")
        XCTAssertFalse(dom.contains("<script>alert"), "a script from the scanned tree became an element")
        XCTAssertFalse(dom.lowercased().contains("<img"), "an element from the scanned tree was created")
        XCTAssertEqual(dom.components(separatedBy: "<script").count - 1, 2, "a script element was injected")
        XCTAssertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;.c"), "the hostile file name is shown as text")
        XCTAssertFalse(dom.contains("href=\"javascript:"), "a file name became a javascript: link")
    }

    /// `#sink=1&path=ID&zoom=2&q=TEXT`: the page opens with that sink's paths listed and that one path lit in the graph,
    /// drawn at twice its size, and the search applied to the lists and the graph's boxes.
    func testAFragmentSelectsAPathZoomsAndFilters() throws {
        let page = try write(CannedReport.value, "canned.html")
        let path = CannedReport.value.paths[1]   // <initializer:src/models.cpp> → ns::Model<"q">::Model → llama_model_load_from_file
        let run = try chromium(["--dump-dom", "--window-size=1400,900"], page: page,
                               fragment: "#sink=1&path=\(path.id)&zoom=2&q=process_line")
        XCTAssertEqual(run.code, 0, run.stderr)
        let dom = run.text
        XCTAssertTrue(dom.contains("data-rendered=\"3\""), "the viewer script did not run to the end:\n\(run.stderr.suffix(2000))")

        // The selection: the sink in the list, the path in the list below, only that path's boxes lit.
        XCTAssertEqual(matches(#"<li [^>]*class="sink-item"[^>]*aria-selected="true"><div class="name">([^<]*)<"#, dom),
                       ["llama_model_load_from_file"])
        XCTAssertEqual(matches(#"<li class="path-item"[^>]*data-path="([0-9a-f]+)" aria-selected="true""#, dom), [path.id])
        XCTAssertEqual(matches(#"<li class="path-item"[^>]*data-path="([0-9a-f]+)""#, dom), [path.id], "the sink has one path")
        XCTAssertEqual(matches(#"<g class="node [^"]*\bhl\b[^"]*"[^>]*><title>([^\n<]*)"#, dom).sorted(),
                       path.frames.map { $0.function.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") }
                        .sorted())
        XCTAssertEqual(matches(#"<g class="(node [^"]*\bdim\b[^"]*)""#, dom).count, 5, "the 5 other boxes are dimmed")

        // The zoom: the drawing shown at twice the size of its viewBox.
        XCTAssertEqual(matches(#"id="graph"[^>]*data-zoom="([^"]*)""#, dom), ["2"])
        let svg = try XCTUnwrap(matches(#"<svg width="([0-9.]+)" height="([0-9.]+)" viewBox="0 0 ([0-9.]+) ([0-9.]+)""#, dom, groups: 4).first)
        XCTAssertEqual(Double(svg[0])!, 2 * Double(svg[2])!, accuracy: 0.01)
        XCTAssertEqual(Double(svg[1])!, 2 * Double(svg[3])!, accuracy: 0.01)
        XCTAssertEqual(matches(#"<output id="zoom-level"[^>]*>([^<]*)<"#, dom), ["200%"])

        // The search: process_line is on main's path to llama_decode only.
        XCTAssertEqual(matches(#"<li [^>]*class="(sink-item|entry-item)"(?![^>]*hidden)[^>]*><div class="name">([^<]*)<"#, dom, groups: 2)
                        .map { $0[1] }, ["llama_decode", "main"])
        XCTAssertEqual(matches(#"<g class="node [^"]*\bmatch\b[^"]*"[^>]*><title>([^\n<]*)"#, dom), ["process_line"])
        XCTAssertEqual(matches(#"<p id="search-status"[^>]*>([^<]*)<"#, dom),
                       ["2 sinks and entry points and 1 function in the graph match"])
    }

    /// Keys pressed in a real page (tests/browser/drive.py, over the DevTools protocol): j/k move between sinks, entry
    /// points and paths, Enter selects, / searches, +/- and 0 zoom, Esc clears, and every step is in the URL fragment.
    func testKeyboardNavigationKeepsTheFragmentUpToDate() throws {
        let python = try ExternalTool.require("python3", package: "python3", for: "keyboard navigation in the viewer")
        let page = try write(CannedReport.value, "canned.html")
        let hash = ["eval": "location.hash"]
        let steps: [[String: String]] = [
            hash,
            ["key": "j"], ["key": "j"], ["key": "j"], ["eval": "document.activeElement.querySelector('.name').textContent"],
            ["key": "Enter"], hash,                              // the third sink: OrtApi::Run, one path
            ["key": "k"], ["eval": "document.activeElement.querySelector('.name').textContent"],
        ] + Array(repeating: ["key": "j"], count: 12) + [
            ["eval": "document.activeElement.className"],       // past the entry points: the one listed path
            ["key": "Enter"], hash, ["eval": "document.querySelectorAll('.node.hl').length"],
            ["key": "+"], hash, ["eval": "document.getElementById('graph').getAttribute('data-zoom')"],
            ["key": "-"], hash,
            ["key": "/"], ["eval": "document.activeElement.id"], ["type": "model"], hash,
            ["eval": "Array.from(document.querySelectorAll('.list li:not([hidden]) .name')).map(function (e) { return e.textContent; }).join(',')"],
            ["key": "Escape"], hash, ["eval": "String(document.activeElement === document.body)"],
            ["key": "Escape"], hash, ["eval": "document.querySelectorAll('.node.hl').length"],
            ["key": "Escape"], hash, ["eval": "document.querySelectorAll('.node.dim').length"],
            ["key": "0"], hash,
        ]
        let run = try ExternalTool.run(python, [Repo.root + "/Tests/browser/drive.py", browser, page.absoluteString,
                                                String(decoding: try JSONSerialization.data(withJSONObject: steps), as: UTF8.self)])
        XCTAssertEqual(run.code, 0, run.stderr)
        let values = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdout) as? [Any], run.text + run.stderr)
        let run3 = "ffeeddccbbaa99887766554433221100"
        let expected: [Any] = [
            "",
            "OrtApi::Run",
            "#sink=2",
            "llama_model_load_from_file",
            "path-item",
            "#sink=2&path=\(run3)", 2,
            "#sink=2&path=\(run3)&zoom=1.25", "1.25",
            "#sink=2&path=\(run3)",
            "search", "#sink=2&path=\(run3)&q=model",
            "llama_model_load_from_file,<initializer:src/models.cpp>",
            "#sink=2&path=\(run3)", "true",
            "#sink=2", 2,
            "", 0,
            "#zoom=fit",
        ]
        XCTAssertEqual(values.map { "\($0)" }, expected.map { "\($0)" })
    }

    /// Every match of `pattern`'s first capture group (or its first `groups` groups) in `text`.
    private func matches(_ pattern: String, _ text: String) -> [String] {
        matches(pattern, text, groups: 1).map { $0[0] }
    }

    private func matches(_ pattern: String, _ text: String, groups: Int) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let text = text as NSString
        return regex.matches(in: text as String, range: NSRange(location: 0, length: text.length)).map { m in
            (1...groups).map { m.range(at: $0).location == NSNotFound ? "" : text.substring(with: m.range(at: $0)) }
        }
    }

    func testScreenshotOfTheCannedReport() throws {
        let page = try write(CannedReport.value, "canned.html")
        let png = dir.appendingPathComponent("viewer.png")
        let run = try chromium(["--screenshot=\(png.path)", "--window-size=1400,900"], page: page, fragment: "#sink=0")
        XCTAssertEqual(run.code, 0, run.stderr)
        let data = try Data(contentsOf: png)
        XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "not a PNG")
        XCTAssertGreaterThan(data.count, 20_000, "the screenshot is suspiciously small (a blank page?)")
    }
}
