import Crypto
import Foundation
import SinkmapCore
import SinkmapReport

/// One self-contained HTML file: a searchable list of sinks and entry points, an SVG call graph of the paths
/// laid out by depth, and each path's frames linked to file:line. No network, no CDN, no server.
///
/// The scanned code is hostile input (a file may be named `"><script>…`), so the report reaches the page
/// only as JSON inside `<script type="application/json">`, with `<`, `>`, `&` and every control, line-separator
/// and bidi character written as `\u…` escapes, and the viewer script renders it with `textContent` and DOM
/// calls, never as markup — showing those characters as visible `\u{…}` text, so no name reads reordered. A
/// Content-Security-Policy allows no network at all and only the page's own script and style, by hash.
public struct HTMLExporter {
    public init() {}

    public func render(_ report: Report) throws -> String {
        let style = try ExporterResources.text("viewer.css")
        let script = try ExporterResources.text("viewer.js")
        let csp = "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
            + "style-src '\(Self.sha256(style))'; script-src '\(Self.sha256(script))'"
        return try Self.fill(ExporterResources.text("viewer.html"), [
            "CSP": Self.escapeHTML(csp),
            "GENERATOR": Self.escapeHTML("\(report.tool.name) \(report.tool.version)"),
            "TITLE": Self.escapeHTML("sinkmap — \(report.root)"),
            "STYLE": style,
            "REPORT": try Self.embeddedJSON(report),
            "SCRIPT": script,
        ])
    }

    /// The report as JSON that cannot end the `<script>` element it sits in nor be read as HTML:
    /// those characters only occur inside JSON strings, where the `\u` escapes mean the same.
    static func embeddedJSON(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(report), as: UTF8.self)
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for u in json.unicodeScalars {
            switch u {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case _ where ControlCharacters.contains(u):
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Text for an HTML element or a double-quoted attribute (the template quotes every attribute with `"`).
    static func escapeHTML(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Replaces each `{{NAME}}` of the template in one pass, so a value is never searched for placeholders.
    static func fill(_ template: String, _ values: [String: String]) throws -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            guard let value = values[name] else {
                throw ExportError.resource(name: "viewer.html", problem: "has an unknown placeholder {{\(name)}}")
            }
            out += rest[..<open.lowerBound]
            out += value
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// A CSP source for an inline element's exact text.
    static func sha256(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Array(text.utf8))).base64EncodedString()
    }
}
