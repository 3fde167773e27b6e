import ArgumentParser
import Exporters
import Foundation
import PathEngine
import SinkmapCore
import SinkmapKit

/// `sinkmap suggest`: the project's own model API — the functions through which its entry points reach the
/// catalog's sinks — as a ready `sinkmap.yml` fragment to review (see `Wrappers`).
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose sink rules for the project's own model API (the wrappers its entry points reach the catalog's sinks through).",
        discussion: """
        Scans like `scan` (same input flags), then walks from each entry point of the project's code toward each sink \
        it reaches and stops at the first API function on each route: a project function with external linkage, \
        defined in another file than the entry point. Those functions are proposed as rules, most entry points \
        first, each with its evidence (sinks it stands for, entry points, file:line) and a category read from its \
        name (load/init: model-load, encode/tokenize: tokenize, chat/generate/complete: inference, template, \
        embedding, sample) or else from the sinks it reaches. Review the fragment, then paste it under `sinks:` in \
        sinkmap.yml. Deterministic: same tree, same bytes.

        Examples:
          sinkmap suggest Fixtures/engine-wrappers
          sinkmap suggest ~/src/whisper.cpp -p build --output suggested.yml
          sinkmap suggest . --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @OptionGroup var input: ScanInputOptions

    @Option(help: ArgumentHelp("Output format: yaml (a sinkmap.yml fragment) or json.", valueName: "format"))
    var format: Format = .yaml

    @Option(help: ArgumentHelp("Propose at most this many rules.", valueName: "n"))
    var limit: Int = 25

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    mutating func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try input.refuseLinkOut(output, what: "write the suggestions", code: ExitCodes.output)
        let scanned = try input.run { try Scan(options: $0).buildGraph() }
        let rules = Self.suggestions(scanned, limit: limit)
        let named = Self.namedByCatalog(scanned)
        let text = format == .json ? SuggestionText.json(rules, namedByCatalog: named) : SuggestionText.yaml(rules, namedByCatalog: named, root: scanned.root)
        try OutputFile.write(Data(text.utf8), to: output.map(WorkingDirectory.absolute), what: "suggestions", shownAs: output)
    }

    static func suggestions(_ s: ScanGraph, limit: Int) -> [SuggestionText.Rule] {
        let entries = s.entryKinds.enumerated().compactMap { i, k -> (node: Int32, kind: EntryKind)? in
            guard let k, s.origins[i] == .project, Wrappers.searchesFrom(k) else { return nil }
            return (Int32(i), k)
        }
        let found = Wrappers(graph: s.pathGraph, origins: s.origins).suggest(sinks: s.sinkRules.map { $0 != nil }, entries: entries)
        var usedIDs = Set<String>()
        return found.prefix(limit).map { w in
            let f = s.graph.functions[Int(w.node)]
            let sinkCategories = w.sinks.compactMap { s.sinkCategories[Int($0)] }
            // The category its name says, else the one most of its sinks have (ties by catalog order).
            var byCount: [SinkCategory: Int] = [:]
            for c in sinkCategories { byCount[c, default: 0] += 1 }
            // The built-in categories in catalog order, then the project's own (declared in its sinkmap.yml) by name.
            let order = SinkCategory.builtIn + Set(sinkCategories).subtracting(SinkCategory.builtIn).sorted { $0.rawValue < $1.rawValue }
            let fromSinks = order.max { (byCount[$0] ?? 0, -order.firstIndex(of: $0)!) < (byCount[$1] ?? 0, -order.firstIndex(of: $1)!) }!
            let category = Wrappers.categoryByName(f.name) ?? fromSinks
            var id = "project/" + Self.slug(f.name)
            var n = 2
            while !usedIDs.insert(id).inserted { id = "project/\(Self.slug(f.name))-\(n)"; n += 1 }
            return SuggestionText.Rule(
                id: id, function: f.name, category: category.rawValue,
                categoryFrom: Wrappers.categoryByName(f.name) != nil ? "name" : "sinks",
                file: f.location?.file, line: f.location?.line,
                sinks: w.sinks.map { (s.graph.functions[Int($0)].displayName, s.sinkCategories[Int($0)]?.rawValue ?? "") },
                entries: w.entries.map { e in
                    let name = s.graph.functions[Int(e)].displayName
                    guard let routes = s.routes[Int(e)], !routes.isEmpty else { return name }
                    return routes.joined(separator: " | ") + " (" + name + ")"
                }, distance: w.distance)
        }
    }

    /// Sinks defined in the project's own code that its entry points reach directly: the catalog already names
    /// that API (`whisper_full`, `common_tokenize`), so nothing is proposed for it.
    static func namedByCatalog(_ s: ScanGraph) -> [String] {
        let entries = s.entryKinds.enumerated().compactMap { i, k in
            k.map(Wrappers.searchesFrom) == true && s.origins[i] == .project ? Int32(i) : nil
        }
        let reached = Wrappers(graph: s.pathGraph, origins: s.origins).reachedSinks(sinks: s.sinkRules.map { $0 != nil }, entries: entries)
        return Array(Set(reached.filter { s.origins[Int($0)] == .project && s.graph.functions[Int($0)].isDefinition }
            .map { s.graph.functions[Int($0)].displayName })).sorted()
    }

    static func slug(_ name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if out.last != "-" { out.append("-") }
        }
        return String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(64))
    }
}

/// The two renderings of `sinkmap suggest`: a commented `sinkmap.yml` fragment, and JSON.
enum SuggestionText {
    struct Rule: Encodable {
        var id: String
        var function: String
        var category: String
        /// `name` when the function's name says the category, `sinks` when the sinks it reaches do.
        var categoryFrom: String
        var file: String?
        var line: Int?
        var sinks: [(name: String, category: String)]
        var entries: [String]
        var distance: Int

        enum CodingKeys: String, CodingKey { case id, function, category, categoryFrom, file, line, sinks, entries, distance }
        struct Sink: Encodable { var function: String; var category: String }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(function, forKey: .function)
            try c.encode(category, forKey: .category)
            try c.encode(categoryFrom, forKey: .categoryFrom)
            try c.encodeIfPresent(file, forKey: .file)
            try c.encodeIfPresent(line, forKey: .line)
            try c.encode(sinks.map { Sink(function: $0.name, category: $0.category) }, forKey: .sinks)
            try c.encode(entries, forKey: .entries)
            try c.encode(distance, forKey: .distance)
        }
    }

    static func json(_ rules: [Rule], namedByCatalog: [String]) -> String {
        struct Document: Encodable { var format = "sinkmap-suggest/v1"; var rules: [Rule]; var namedByCatalog: [String] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(rules: rules, namedByCatalog: namedByCatalog))) ?? Data()
        return String(decoding: TerminalText.escapedJSON(data), as: UTF8.self) + "\n"
    }

    /// One line of a comment: no line breaks or control characters from the tree.
    private static func comment(_ s: String) -> String {
        TerminalText.sanitize(s).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where u.value < 0x20 || u.value == 0x7f: out += String(format: "\\x%02x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    static func yaml(_ rules: [Rule], namedByCatalog: [String], root: String) -> String {
        var lines = ["# sinkmap suggest: the project's own model API in \(comment(root)) — \(rules.count) proposed "
                     + (rules.count == 1 ? "rule" : "rules") + ".",
                     "# Each is the first API function (external linkage, another file than the entry point) on the routes from",
                     "# the listed entry points to the listed catalog sinks. Review, then paste under `sinks:` in sinkmap.yml."]
        if !namedByCatalog.isEmpty {
            let shown = namedByCatalog.prefix(12).joined(separator: ", ") + (namedByCatalog.count > 12 ? " and \(namedByCatalog.count - 12) more" : "")
            lines.append("# Already named by the catalog, defined in this tree and reached directly: \(comment(shown)).")
        }
        if rules.isEmpty {
            lines.append("# No wrapper found: no entry point of the project's code reaches a catalog sink through an API function.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("sinks:")
        for r in rules {
            let place = r.file.map { $0 + (r.line.map { ":\($0)" } ?? "") } ?? "not in the scanned code"
            lines.append("  # \(comment(r.function))  \(comment(place))")
            let sinks = r.sinks.map { "\($0.name) (\($0.category))" }
            lines.append("  #   stands for \(comment(sinks.prefix(4).joined(separator: ", ")))" + (sinks.count > 4 ? " and \(sinks.count - 4) more" : ""))
            lines.append("  #   on the routes of \(r.entries.count) entry " + (r.entries.count == 1 ? "point" : "points") + ": "
                         + comment(r.entries.prefix(4).joined(separator: ", ")) + (r.entries.count > 4 ? " and \(r.entries.count - 4) more" : "")
                         + (r.distance == 0 ? "; it is the entry point itself (exported API)"
                            : "; \(r.distance) " + (r.distance == 1 ? "call" : "calls") + " from the nearest"))
            lines.append("  - id: \(quoted(r.id))")
            lines.append("    function: \(quoted(r.function))")
            lines.append("    category: \(r.category)" + (r.categoryFrom == "name" ? "   # from its name" : "   # from the sinks it reaches"))
            lines.append("    reason: \(quoted("Project wrapper of " + r.sinks.prefix(3).map(\.name).joined(separator: ", ")))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
