@testable import Exporters
import Foundation
import SinkmapCore
import SinkmapReport
import XCTest

final class HTMLExporterTests: XCTestCase {
    func testHostileNamesNeverBecomeMarkup() throws {
        let html = try HTMLExporter().render(HostileReport.value)
        XCTAssertFalse(html.contains("<script>alert"), "raw script from the scanned tree")
        XCTAssertFalse(html.lowercased().contains("<img"), "raw element from the scanned tree")
        XCTAssertFalse(html.contains("</title><script>"), "the root escaped the title")
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 2, "only the data block and the viewer script")
        XCTAssertEqual(html.components(separatedBy: "</script>").count - 1, 2)
        XCTAssertFalse(html.unicodeScalars.contains("\u{2028}"), "U+2028 must be escaped")
        XCTAssertTrue(html.contains("<title>sinkmap — &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>"))
        XCTAssertTrue(html.contains(#"\"\u003e\u003cscript\u003ealert(1)\u003c\/script\u003e.c"#))
    }

    func testEmbeddedJSONIsTheReport() throws {
        for report in [CannedReport.value, HostileReport.value] {
            let html = try HTMLExporter().render(report)
            let json = try XCTUnwrap(Self.between(html, "<script type=\"application/json\" id=\"sinkmap-report\">", "</script>"))
            XCTAssertEqual(try JSONExporter.decode(Data(json.utf8)), report)
        }
    }

    func testNoNetworkAndOnlyItsOwnScriptMayRun() throws {
        let html = try HTMLExporter().render(CannedReport.value)
        let csp = try XCTUnwrap(Self.between(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">"))
        XCTAssertTrue(csp.hasPrefix("default-src 'none'"), csp)
        XCTAssertFalse(csp.contains("unsafe-inline"))
        let script = try XCTUnwrap(Self.between(html, "<script>", "</script>"))
        let style = try XCTUnwrap(Self.between(html, "<style>", "</style>"))
        XCTAssertTrue(csp.contains("script-src '\(HTMLExporter.sha256(script))'"), "the script's hash is not allowed")
        XCTAssertTrue(csp.contains("style-src '\(HTMLExporter.sha256(style))'"), "the style's hash is not allowed")
        let code = script.replacingOccurrences(of: "'http://www.w3.org/2000/svg'", with: "SVGNS")
        for forbidden in ["http:", "https:", "//cdn", "fetch(", "XMLHttpRequest", "innerHTML", "outerHTML", "insertAdjacentHTML",
                          "document.write", "eval(", "Function("] {
            XCTAssertFalse(code.contains(forbidden), "the viewer script uses \(forbidden)")
        }
    }

    func testTemplateFillIsOnePass() throws {
        XCTAssertEqual(try HTMLExporter.fill("a{{X}}b{{Y}}c", ["X": "{{Y}}", "Y": "1"]), "a{{Y}}b1c")
        XCTAssertThrowsError(try HTMLExporter.fill("{{Z}}", [:]))
    }

    func testCSPHashMatchesAKnownValue() {
        // sha256("") in base64, as browsers compute it for an empty inline element.
        XCTAssertEqual(HTMLExporter.sha256(""), "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    }

    static func between(_ s: String, _ start: String, _ end: String) -> String? {
        guard let a = s.range(of: start), let b = s.range(of: end, range: a.upperBound..<s.endIndex) else { return nil }
        return String(s[a.upperBound..<b.lowerBound])
    }
}
