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
        let run = try chromium(["--dump-dom"], page: page)
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
