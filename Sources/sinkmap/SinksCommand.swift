import ArgumentParser
import Exporters
import Foundation
import SinkmapKit

struct SinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sinks",
        abstract: "List the active sink rules (project rules first, then the built-in catalog).",
        discussion: """
        Examples:
          sinkmap sinks
          sinkmap sinks --config path/to/sinkmap.yml --format json
        """)

    @Argument(help: "Project root whose sinkmap.yml to read.")
    var path: String = "."

    @Option(help: ArgumentHelp("Configuration file (default: PATH/sinkmap.yml when present).", valueName: "file"))
    var config: String?

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    func run() throws {
        let configuration: Configuration
        do {
            configuration = try config.map { try Configuration.load(path: $0) } ?? Configuration.discover(root: path, shownAs: Configuration.displayName(root: path))
        } catch let e as ConfigurationError {
            throw Failure(message: e.description, code: ExitCodes.configuration)
        }
        let rules = configuration.activeSinkRules
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(TerminalText.escapedJSON(try encoder.encode(rules)) + Data("\n".utf8))
            return
        }
        var lines: [String] = []
        for rule in rules {
            lines.append("\(rule.id)  [\(rule.category.rawValue)]  \(rule.origin == "built-in" ? "" : "(\(rule.origin))")"
                .trimmingCharacters(in: .whitespaces))
            lines.append("    \(rule.reason)")
            let matches = rule.names + rule.patterns.map { "/\($0)/" }
            lines.append("    " + matches.joined(separator: ", "))
        }
        lines.append("\(rules.count) rules")
        if !configuration.categories.isEmpty {
            // The project's own categories (`categories:`), which its rules may name besides the built-in ones.
            lines.append("")
            lines.append("Categories declared in \(configuration.path ?? Configuration.fileName):")
            for c in configuration.categories {
                lines.append("  \(c.id)  \(c.description)" + (c.severity.map { "  (security-severity \($0))" } ?? ""))
            }
        }
        print(lines.map(TerminalText.sanitize).joined(separator: "\n"))
    }
}
