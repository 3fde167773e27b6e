import ArgumentParser
import Exporters
import Foundation
import SinkmapReport

/// `sinkmap export`: re-renders a saved JSON report in any format, without scanning again.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Render a saved JSON report in another format, without scanning again.",
        discussion: """
        Reads a report written by `sinkmap scan --format json` and renders it exactly as `scan --format` would \
        have (exporting to json gives the same bytes back). Graph formats take --cluster, --focus, --focus-entry \
        and --split-by; svg and png need Graphviz's `dot` on PATH.

        Examples:
          sinkmap scan . --format json --output report.json
          sinkmap export --from report.json --format html --output report.html
          sinkmap export --from report.json --format svg --cluster file -o paths.svg
          sinkmap export --from report.json --format dot --focus llama.cpp/decode | dot -Tpng -o decode.png
          sinkmap export --from report.json --format svg --split-by sink -o pictures
          sinkmap export --from report.json --format sarif --output sinkmap.sarif
          sinkmap export --from report.json --source-base /src/app --format sarif
          sinkmap export --from report.json --format markdown --output THREAT-MODEL.md
        """)

    @Option(help: ArgumentHelp("The JSON report to render (- for standard input).", valueName: "file"))
    var from: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        try output.write(try Self.read(from))
    }

    /// The report in `path`; unreadable or malformed input is an input error (exit 4).
    static func read(_ path: String) throws -> Report {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let handle = FileHandle(forReadingAtPath: path) else {
                throw Failure(message: "\(path): cannot read the report (no such file, or not a readable file)", code: ExitCodes.input)
            }
            data = handle.readDataToEndOfFile()   // also a pipe: --from <(…)
        }
        let report: Report
        do {
            report = try JSONExporter.decode(data)
        } catch let e as DecodingError {
            throw Failure(message: "\(path): not a sinkmap JSON report: \(describe(e))", code: ExitCodes.input)
        }
        guard report.schema.hasPrefix("sinkmap/") else {
            throw Failure(message: "\(path): not a sinkmap JSON report (schema \"\(TerminalText.sanitize(report.schema))\")",
                          code: ExitCodes.input)
        }
        return report
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(at(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "unexpected value at \(at(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value at \(at(context.codingPath))"
        @unknown default: return "\(error)"
        }
    }
}
