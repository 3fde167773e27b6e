import Foundation
import PathEngine
import SinkmapCore
import Yams

/// A project's `sinkmap.yml`: its own sink rules, and whether the built-in catalog applies.
///
/// ```yaml
/// builtin-sinks: true          # default
/// categories:                  # the project's own sink categories (the built-in ones need no declaration)
///   - id: telemetry
///     description: "Sends usage data, prompts included, to the vendor"
///     severity: 6.5            # optional: SARIF security-severity (default 5.0)
/// sinks:
///   - id: vertex-gemini
///     function: "vertex::GeminiClient::generateContent"   # or functions: [a, b]
///     category: inference
///     reason: "Sends the prompt to Gemini"
///   - id: acme-llm
///     pattern: "^acme::llm::"                              # or patterns: [...]
///     category: inference
/// entries:                     # the project's own entry points (Docs/threat-context.md)
///   - pattern: "^jobs::run_"
///     kind: callback
///     label: "job queue worker"
/// exclude:                     # sources under skipped folders (or anywhere) that are not part of the program
///   - "third_party/out/*"
/// parse:                       # flags for the units (through the compilation-database allowlist)
///   extra-args-cxx: ["-DGGML_USE_CPU"]
///   std-cxx: gnu++20           # for units whose command names no -std
///   max-failed-share: 50       # exit 8 when more than 50 % of the units failed (default: only when all did)
/// builtin-sources: true        # default
/// sources:                     # more functions that read untrusted input
///   - id: acme-queue
///     function: "acme::Queue::pop"
///     kind: network
/// ```
public struct Configuration: Equatable, Sendable {
    public static let fileName = "sinkmap.yml"

    /// The file it was read from, nil for the defaults.
    public var path: String?
    public var sinks: [SinkRule] = []
    /// `categories:` — the project's own sink categories, which its rules (and `--sink-category`) may name.
    public var categories: [CategoryDeclaration] = []
    public var builtinSinks = true
    /// The project's entry points, tried before sinkmap's own classification.
    public var entries: [EntryRule] = []
    public var sources: [SourceRule] = []
    public var builtinSources = true
    /// Path globs of code that is not the project's own (`vendored:`), and of code that is although a built-in
    /// rule says otherwise (`project:`, which wins): see `OriginClassifier`.
    public var vendored: [String] = []
    public var project: [String] = []
    /// Globs (`fnmatch`, `*` crosses `/`) of root-relative source paths that are neither scanned nor reported as
    /// skipped: the explicit, reviewed way to say a source under `out/`, `node_modules/`, … is not the program's.
    public var exclude: [String] = []
    /// `parse:` — flags and standards for the units, and the failed-unit share that fails a scan.
    public var parse = ParseSettings()

    public struct ParseSettings: Equatable, Sendable {
        /// Flags for every unit, C units, C++ units. They come with the tree, so they pass the same allowlist as a
        /// compilation database's (`CompilationDatabase.allowed`).
        public var extraArgs: [String] = []
        public var extraArgsC: [String] = []
        public var extraArgsCXX: [String] = []
        /// The standard of units whose command names none.
        public var standardC: String?
        public var standardCXX: String?
        /// Percent of failed units above which a scan fails (exit 8); nil: only when every unit failed.
        public var maxFailedShare: Int?
        public init() {}
    }

    public init() {}

    /// Project rules first (they win when both match), then the built-in catalog.
    public var activeSinkRules: [SinkRule] {
        sinks + (builtinSinks ? BuiltinSinkCatalog.rules : [])
    }

    /// `unknown category 'telemtry' (expected one of: …); did you mean 'telemetry'?`
    public static func unknownCategoryMessage(_ name: String, declared: [CategoryDeclaration]) -> String {
        ConfigurationParser.unknownCategory(name, declared: declared)
    }

    /// Project source rules first, then the built-in ones.
    public var activeSourceRules: [SourceRule] {
        sources + (builtinSources ? BuiltinThreatCatalog.sources : [])
    }

    /// `sinkmap.yml` at the scanned root when there is one, defaults otherwise.
    /// A `sinkmap.yml` that is a link to a file outside the tree is refused unread unless links out are followed.
    /// `shownAs` is how messages name the file: the root as the user typed it joined with `sinkmap.yml`
    /// (`demo/sinkmap.yml:4:15`), so the location can be opened from the working folder.
    public static func discover(root: String, followExternalLinks: Bool = false, shownAs: String? = nil) throws -> Configuration {
        let shown = shownAs ?? fileName
        let boundary = TreeBoundary(root: root, followExternalLinks: followExternalLinks)
        let candidate = (root as NSString).appendingPathComponent(fileName)
        // lstat: a dangling symlink named sinkmap.yml is an error to report, not "no configuration".
        var st = stat()
        guard lstat(candidate, &st) == 0 else { return Configuration() }
        if boundary.escapingLink(candidate) != nil {
            throw ConfigurationError(file: shown, message: "a symbolic link to a file outside the scanned tree; not read (--follow-external-links reads it, or pass --config)")
        }
        return try load(path: candidate, shownAs: shown)
    }

    /// Larger files are refused unread: a real `sinkmap.yml` is a few kilobytes.
    public static let maximumSize = 4 << 20

    /// How to name `sinkmap.yml` under `root` as typed on the command line: `sinkmap.yml` for `.`,
    /// `demo/sinkmap.yml` for `demo`.
    public static func displayName(root typed: String) -> String {
        var root = typed
        while root.hasSuffix("/") && root.count > 1 { root.removeLast() }
        while root.hasPrefix("./") { root.removeFirst(2) }
        if root.isEmpty || root == "." { return fileName }
        return (root as NSString).appendingPathComponent(fileName)
    }

    public static func load(path: String, shownAs: String? = nil) throws -> Configuration {
        let shown = shownAs ?? path
        let data: Data
        do {
            // The file may come with the scanned tree: a FIFO or a link to /dev/zero must not hang the scan.
            data = try RegularFile.read(path, limit: maximumSize)
        } catch {
            throw ConfigurationError(file: shown, message: "cannot read the configuration file: \(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: shown, message: "the configuration file is not UTF-8 text")
        }
        return try parse(text, file: shown)
    }

    public static func parse(_ text: String, file: String) throws -> Configuration {
        var config = Configuration()
        config.path = file
        // Yams composes recursively: nesting deep enough to overflow the stack is refused before it starts.
        try YAMLNesting.check(text, file: file)
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

/// A sink category a project declares in its `sinkmap.yml` (`categories:`), for its own rules.
public struct CategoryDeclaration: Equatable, Sendable {
    /// What rules name in `category:`; never a built-in category's name.
    public var id: String
    /// One line: what calls of this category do, shown with their paths (SARIF, the Markdown worksheet).
    public var description: String
    /// SARIF `security-severity`, one decimal (`6.5`); nil gives the default for a category sinkmap does not know.
    public var severity: String?

    public init(id: String, description: String, severity: String? = nil) {
        self.id = id
        self.description = description
        self.severity = severity
    }

    public static let maximumIDLength = 40

    /// Lowercase letters, digits and `-`, starting with a letter: it becomes a SARIF tag, a Markdown heading and
    /// part of a URL fragment.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), id.unicodeScalars.count <= maximumIDLength else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
