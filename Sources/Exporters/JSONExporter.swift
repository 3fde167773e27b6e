import Foundation
import SinkmapReport

/// The canonical format: the `Report` as sorted-key, pretty JSON, byte-identical for identical reports.
public struct JSONExporter {
    public init() {}

    public func render(_ report: Report) throws -> String {
        String(decoding: try encode(report), as: UTF8.self) + "\n"
    }

    public func encode(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Names from the scanned tree keep their exact value, but no control or bidi character is written raw.
        return TerminalText.escapedJSON(try encoder.encode(report))
    }

    /// Reads a report written by `render` (for `sinkmap export --from`).
    public static func decode(_ data: Data) throws -> Report {
        try JSONDecoder().decode(Report.self, from: data)
    }
}
