import Foundation
import SinkmapCore
import Yams

/// A project's `sinkmap.yml`: its own sink rules, and whether the built-in catalog applies.
///
/// ```yaml
/// builtin-sinks: true          # default
/// sinks:
///   - id: vertex-gemini
///     function: "vertex::GeminiClient::generateContent"   # or functions: [a, b]
///     category: inference
///     reason: "Sends the prompt to Gemini"
///   - id: acme-llm
///     pattern: "^acme::llm::"                              # or patterns: [...]
///     category: inference
/// ```
public struct Configuration: Equatable, Sendable {
    public static let fileName = "sinkmap.yml"

    /// The file it was read from, nil for the defaults.
    public var path: String?
    public var sinks: [SinkRule] = []
    public var builtinSinks = true

    public init() {}

    /// Project rules first (they win when both match), then the built-in catalog.
    public var activeSinkRules: [SinkRule] {
        sinks + (builtinSinks ? BuiltinSinkCatalog.rules : [])
    }

    /// `sinkmap.yml` at the scanned root when there is one, defaults otherwise.
    public static func discover(root: String) throws -> Configuration {
        let candidate = (root as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: candidate) else { return Configuration() }
        return try load(path: candidate, shownAs: fileName)
    }

    public static func load(path: String, shownAs: String? = nil) throws -> Configuration {
        let shown = shownAs ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: shown, message: "cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: shown, message: "the configuration file is not UTF-8 text")
        }
        return try parse(text, file: shown)
    }

    public static func parse(_ text: String, file: String) throws -> Configuration {
        var config = Configuration()
        config.path = file
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationParser.describe(error, file: file)
        } catch {
            throw ConfigurationError(file: file, message: "not valid YAML: \(error)")
        }
        guard let node else { return config }   // an empty file is the defaults
        try ConfigurationParser(file: file).read(node, into: &config)
        return config
    }
}
