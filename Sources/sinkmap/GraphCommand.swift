import ArgumentParser
import ClangFrontend
import Exporters
import Foundation
import PathEngine
import SinkmapCore
import SinkmapKit

/// `sinkmap graph`: the whole call graph, every node and edge, for debugging a missing path (is the call there?
/// under which name? of which kind?) and for the IR cross-check (Tests/crosscheck). Deterministic: same input,
/// same bytes.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the whole call graph (every function and call sinkmap found), as JSON or DOT.",
        discussion: """
        Takes the same input flags as scan. JSON (format sinkmap-graph/v1): "nodes" (id, name, kind, file, line, \
        the sink rule a node matches, its entry-point kind and routes, its origin) and "edges" (caller and callee node ids, kind and \
        location of the earliest call site, and every call site). DOT draws every node and edge; large programs \
        make large drawings.

        Examples:
          sinkmap graph Fixtures/demo-ai-service
          sinkmap graph ~/src/llama.cpp -p ~/src/llama.cpp/build -o llama-graph.json
          sinkmap graph . --format dot --output graph.dot
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, dot
    }

    @OptionGroup var input: ScanInputOptions

    @Option(help: ArgumentHelp("Output format: json or dot.", valueName: "format"))
    var format: Format = .json

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
        try input.refuseLinkOut(output, what: "write the graph", code: ExitCodes.output)
        let scanned = try buildGraph()
        let text = format == .json ? GraphJSON.render(scanned) : GraphDOT.render(scanned)
        try OutputFile.write(Data(text.utf8), to: output.map(WorkingDirectory.absolute), what: "graph", shownAs: output)
    }

    /// The same scan as `scan`'s, stopped at the graph.
    private func buildGraph() throws -> ScanGraph {
        try input.run { try Scan(options: $0).buildGraph() }
    }
}

/// `sinkmap-graph/v1`: nodes in id order (ids follow node identity, so they are stable for one program), edges by
/// caller then callee, call sites in file order. Optional fields are left out when empty.
enum GraphJSON {
    struct Document: Encodable {
        var format = "sinkmap-graph/v1"
        var tool: Tool
        var root: String
        var stats: Stats
        var nodes: [Node]
        var edges: [Edge]
        var diagnostics: [Diag]
    }

    struct Tool: Encodable { var name = "sinkmap"; var version: String; var libclang: String }

    struct Stats: Encodable {
        var translationUnits: Int
        var translationUnitsWithErrors: Int
        var nodes: Int
        var edges: Int
        var callSites: Int
    }

    struct Node: Encodable {
        var id: Int
        /// The identity sinkmap merges on (USR, `USR@file` for internal linkage, `name:…` for unresolved names).
        var key: String
        var name: String
        /// `name`, with the file for internal linkage and for one of several `main`s: what reports show.
        var displayName: String
        var kind: String
        var linkage: String
        var file: String?
        var line: Int?
        var column: Int?
        var definition: Bool
        var system: Bool
        var signature: String?
        var aliases: [String]?
        var sink: String?
        var entry: String?
        /// HTTP routes or the gRPC method of a handler.
        var routes: [String]?
        /// `project`, `vendored` or `external`.
        var origin: String
    }

    struct Site: Encodable {
        var file: String
        var line: Int
        var column: Int
        var kind: String
        var macro: String?
        /// For `stored-callback` and `handoff` calls: the slot, and where the callable was bound or the item taken out.
        var evidence: String?
    }

    struct Edge: Encodable {
        var caller: Int
        var callee: Int
        /// Kind and place of the earliest call site, which represents the edge in paths.
        var kind: String
        var file: String
        var line: Int
        var column: Int
        var sites: [Site]
    }

    struct Diag: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var severity: String
        var message: String
    }

    static func render(_ s: ScanGraph) -> String {
        let g = s.graph
        let nodes = g.functions.enumerated().map { i, f in
            Node(id: i, key: f.id, name: f.name, displayName: f.displayName, kind: f.kind.rawValue,
                 linkage: f.linkage.rawValue, file: f.location?.file, line: f.location?.line,
                 column: f.location?.column, definition: f.isDefinition, system: f.isSystem, signature: f.signature,
                 aliases: f.aliases.isEmpty ? nil : f.aliases, sink: s.sinkRules[i], entry: s.entryKinds[i]?.rawValue,
                 routes: s.routes[i], origin: s.origins[i].rawValue)
        }
        var edges: [Edge] = []
        for (caller, out) in g.callees.enumerated() {
            for e in out {
                guard let first = e.sites.first else { continue }
                edges.append(Edge(caller: caller, callee: Int(e.callee), kind: first.kind.rawValue,
                                  file: first.location.file, line: first.location.line, column: first.location.column,
                                  sites: e.sites.map {
                                      Site(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                                           kind: $0.kind.rawValue, macro: $0.macro,
                                           evidence: $0.evidence.map { "\($0.slot) at \($0.location.description)" })
                                  }))
            }
        }
        let doc = Document(
            tool: Tool(version: SinkmapVersion.current, libclang: SinkmapVersion.libclang), root: s.root,
            stats: Stats(translationUnits: s.translationUnits, translationUnitsWithErrors: s.translationUnitsWithErrors,
                         nodes: nodes.count, edges: edges.count, callSites: g.callCount),
            nodes: nodes, edges: edges,
            diagnostics: s.diagnostics.map {
                Diag(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let data = (try? encoder.encode(doc)) ?? Data("{}".utf8)
        // Names and files from the scanned tree: control and bidi characters become \\u escapes, as in every JSON output.
        return String(decoding: TerminalText.escapedJSON(data), as: UTF8.self) + "\n"
    }
}

/// The whole graph in Graphviz DOT: sinks red, entry points blue, inferred edges dotted, by-name edges dashed,
/// non-direct edges labelled with their kind.
enum GraphDOT {
    static func render(_ s: ScanGraph) -> String {
        let g = s.graph
        var out = ["digraph sinkmap {", "  rankdir=LR;",
                   "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];",
                   "  edge [fontname=\"Helvetica\", fontsize=9];"]
        for (i, f) in g.functions.enumerated() {
            var label = [f.displayName]
            if let loc = f.location { label.append("\(loc.file):\(loc.line)") }
            var attrs = ["label=\(lines(label))"]
            if let rule = s.sinkRules[i] {
                attrs += ["fillcolor=\"#fecaca\"", "color=\"#b91c1c\"", "tooltip=\(quoted("sink: " + rule))"]
            } else if let entry = s.entryKinds[i] {
                attrs += ["fillcolor=\"#dbeafe\"", "color=\"#1d4ed8\"", "tooltip=\(quoted("entry: " + entry.rawValue))"]
            } else if f.isSystem || !f.isDefinition {
                attrs += ["fillcolor=\"#f3f4f6\"", "color=\"#9ca3af\""]
            }
            out.append("  n\(i) [\(attrs.joined(separator: ", "))];")
        }
        for (caller, edges) in g.callees.enumerated() {
            for e in edges {
                guard let first = e.sites.first else { continue }
                let kind = first.kind.rawValue
                let style = DOTStyle.edge(kind)
                var attrs = ["style=\(style.style)", "color=\"\(style.color)\""]
                if style.labelled { attrs.append("label=\(quoted(kind))") }
                attrs.append("tooltip=\(quoted(first.location.description))")
                out.append("  n\(caller) -> n\(e.callee) [\(attrs.joined(separator: ", "))];")
            }
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ s: String) -> String { DOTStyle.quoted(s) }
    private static func lines(_ parts: [String]) -> String { DOTStyle.lines(parts) }
}
