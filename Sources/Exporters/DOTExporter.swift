import SinkmapReport

/// Graphviz DOT of the reported paths: "every way the program reaches the model" as one picture. Entry points
/// are blue and bold, sinks filled by category, other functions plain; edges styled by call kind
/// (`DOTStyle`). Node ids are synthetic (`n0`, `n1`, …); every name is in an escaped, quoted label.
public struct DOTExporter {
    public var cluster: GraphCluster
    /// Draw only the paths to this sink rule.
    public var focus: String?
    /// Draw only the paths from this entry point (its function, or one of its routes).
    public var focusEntry: String?
    /// More functions than this on the drawn paths: the summary graph (entry points → sinks, weighted) instead.
    public var summaryThreshold: Int

    /// A picture of more boxes than this is a hairball at any size (llama.cpp's server: 138 paths, 2913×5899 px).
    public static let defaultSummaryThreshold = 50

    public init(cluster: GraphCluster = .none, focus: String? = nil, focusEntry: String? = nil,
                summaryThreshold: Int = defaultSummaryThreshold) {
        self.cluster = cluster
        self.focus = focus
        self.focusEntry = focusEntry
        self.summaryThreshold = summaryThreshold
    }

    /// Whether a path starts at `entry`: its function or one of its routes.
    public static func starts(_ path: Path, at entry: String) -> Bool {
        path.entry.function == entry || (path.entry.routes ?? []).contains(entry)
    }

    /// The paths drawn: those to `focus` and from `focusEntry`, when set.
    func drawn(_ report: Report) -> [Path] {
        var paths = focus.map { rule in report.paths.filter { $0.sink.rule == rule } } ?? report.paths
        if let focusEntry { paths = paths.filter { Self.starts($0, at: focusEntry) } }
        return paths
    }

    public func render(_ report: Report) -> String {
        let paths = drawn(report)
        let graph = PathGraph(paths: paths)
        if graph.nodes.count > summaryThreshold {
            return summary(report, paths: paths, functions: graph.nodes.count)
        }
        var out = ["digraph sinkmap {"]
        out.append("  graph [rankdir=\(direction(graph, report)), labelloc=t, labeljust=l, fontname=\"Helvetica\", fontsize=12, "
                   + "nodesep=0.25, ranksep=0.5, label=\(DOTStyle.lines(title(report, paths: paths)))];")
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#6b7280\", "
                   + "fontname=\"Helvetica\", fontsize=10];")
        out.append("  edge [color=\"#4b5563\", fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];")

        let groups = clusters(graph)
        for (n, group) in groups.enumerated() {
            out.append("  subgraph cluster_\(n) {")
            out.append("    label=\(DOTStyle.quoted(group.label)); style=\"rounded,dashed\"; color=\"#9ca3af\"; fontsize=10;")
            out.append(contentsOf: group.nodes.map { "    " + node($0, graph.nodes[$0], report) })
            out.append("  }")
        }
        let clustered = Set(groups.flatMap(\.nodes))
        for (i, n) in graph.nodes.enumerated() where !clustered.contains(i) {
            out.append("  " + node(i, n, report))
        }
        out.append(contentsOf: graph.edges.map { "  " + edge($0) })
        // Entry points in the first column, sinks in the last: paths read left to right. (Rank constraints and
        // clusters fight in Graphviz, so only without clusters.)
        if cluster == .none {
            let entries = graph.nodes.indices.filter { if case .entry = graph.nodes[$0].role { return true } else { return false } }
            let sinks = graph.nodes.indices.filter { if case .sink = graph.nodes[$0].role { return true } else { return false } }
            if !entries.isEmpty { out.append("  { rank=min; " + entries.map { "n\($0);" }.joined(separator: " ") + " }") }
            if !sinks.isEmpty { out.append("  { rank=max; " + sinks.map { "n\($0);" }.joined(separator: " ") + " }") }
        }
        if !graph.nodes.isEmpty { out.append("  " + legend(graph)) }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// A drawing of more columns than this is wider than a page left to right.
    static let longChain = 6

    /// Left to right (entry points in the first column), unless the drawing is long — more than `longChain` columns
    /// — and would be narrower top to bottom (entry points in the first row): then top to bottom, as tall as a page
    /// scrolls instead of wider than any page. Widths are estimated from the labels: left to right, the widest box
    /// of each column and the gaps between columns; top to bottom, the boxes of the fullest column side by side.
    /// (llama.cpp's POST /completion to llama_decode: 12 columns, 3899 × 239 px left to right, 892 × 1175 top to bottom.)
    func direction(_ graph: PathGraph, _ report: Report) -> String {
        let count = (graph.columns.max() ?? -1) + 1
        guard count > Self.longChain else { return "LR" }
        var boxes = Array(repeating: [Double](), count: count)
        for (i, n) in graph.nodes.enumerated() {
            // Helvetica 10: about 5.6 pt a character, and the box's margins.
            boxes[graph.columns[i]].append(16 + 5.6 * Double(label(n, report).map(\.count).max() ?? 0))
        }
        let leftToRight = boxes.map { $0.max() ?? 0 }.reduce(0, +) + 36 * Double(count - 1)      // ranksep=0.5
        let topToBottom = boxes.map { $0.reduce(0, +) + 18 * Double($0.count - 1) }.max() ?? 0   // nodesep=0.25
        return topToBottom < leftToRight ? "TB" : "LR"
    }

    /// One note naming what the drawing's styles mean — only those it uses.
    private func legend(_ graph: PathGraph) -> String {
        var lines = ["legend"]
        var entryKinds = Set<String>(), categories = Set<String>()
        for n in graph.nodes {
            switch n.role {
            case .entry(let kind): entryKinds.insert(String(kind.split(separator: " ").first ?? ""))
            case .sink(let category, _): categories.insert(category)
            case .intermediate: break
            }
        }
        if !entryKinds.isEmpty { lines.append("blue, bold: entry point (\(entryKinds.sorted().joined(separator: ", ")))") }
        if !categories.isEmpty {
            lines.append("filled: sink, by category (" + categories.sorted().map { "\($0) \(DOTStyle.colorName($0))" }.joined(separator: ", ") + ")")
        }
        lines.append("plain: a function on the way, with file:line")
        var styles: [String: [String]] = [:]
        for kind in Set(graph.edges.map { $0.call?.kind ?? "call" }).sorted() {
            let s = DOTStyle.edge(kind)
            let look = s.style == "solid" ? "solid" : s.style
            let colour = DOTStyle.edgeColorName(s.color)
            styles[look + (colour.isEmpty ? "" : " " + colour), default: []].append(kind)
        }
        for look in styles.keys.sorted() { lines.append("\(look) line: \(styles[look]!.joined(separator: ", ")) call") }
        if graph.edges.contains(where: { $0.paths > 1 }) { lines.append("thicker: used by more paths") }
        return "legend [shape=note, style=filled, fillcolor=\"#f9fafb\", color=\"#9ca3af\", fontsize=9, labeljust=l, "
            + "label=\"" + lines.map { DOTStyle.quoted($0).dropFirst().dropLast() }.joined(separator: "\\l") + "\\l\"];"
    }

    /// Entry points left, sinks right, one edge per (entry point, sink) labelled with its path count: the shape of
    /// a result too large to draw function by function.
    private func summary(_ report: Report, paths: [Path], functions: Int) -> String {
        var entries: [String: String] = [:], sinks: [String: (category: String, rule: String)] = [:]
        var weights: [String: Int] = [:]
        for p in paths {
            entries[p.entry.function] = ThreatText.entryKind(p.entry)
            let sink = p.sink.function + "\u{0}" + p.sink.rule
            sinks[sink] = (p.sink.category, p.sink.rule)
            weights[p.entry.function + "\u{1}" + sink, default: 0] += 1
        }
        let entryNames = entries.keys.sorted(), sinkNames = sinks.keys.sorted()
        var out = ["digraph sinkmap {"]
        var title = title(report, paths: paths)
        title.append("summary: the \(functions) functions on these paths are more than \(summaryThreshold) — entry points → sinks, "
                     + "each edge labelled with its paths; --focus RULE or --focus-entry ENTRY draws the functions")
        out.append("  graph [rankdir=LR, labelloc=t, labeljust=l, fontname=\"Helvetica\", fontsize=12, "
                   + "nodesep=0.25, ranksep=2, label=\(DOTStyle.lines(title))];")
        out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];")
        out.append("  edge [color=\"#4b5563\", fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];")
        for (i, name) in entryNames.enumerated() {
            out.append("  e\(i) [label=\(DOTStyle.lines([name, "entry point (\(entries[name]!))"])), "
                       + "fillcolor=\"\(DOTStyle.entryColors.fill)\", color=\"\(DOTStyle.entryColors.border)\", penwidth=2];")
        }
        for (i, key) in sinkNames.enumerated() {
            let s = sinks[key]!, colors = DOTStyle.sinkColors(s.category)
            let function = String(key.split(separator: "\u{0}", omittingEmptySubsequences: false)[0])
            out.append("  s\(i) [label=\(DOTStyle.lines([function, "sink [\(s.category)] \(s.rule)"])), style=\"filled,bold\", "
                       + "fillcolor=\"\(colors.fill)\", color=\"\(colors.border)\", penwidth=2];")
        }
        for (i, e) in entryNames.enumerated() {
            for (j, s) in sinkNames.enumerated() {
                guard let n = weights[e + "\u{1}" + s] else { continue }
                // xlabel: a label that takes no rank space (87 labels made llama.cpp's server summary 4408 pt tall).
                out.append("  e\(i) -> s\(j) [xlabel=\"\(n)\", penwidth=\(min(1 + Double(n - 1) * 0.5, 4))];")
            }
        }
        if !entryNames.isEmpty { out.append("  { rank=min; " + entryNames.indices.map { "e\($0);" }.joined(separator: " ") + " }") }
        if !sinkNames.isEmpty { out.append("  { rank=max; " + sinkNames.indices.map { "s\($0);" }.joined(separator: " ") + " }") }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    private func title(_ report: Report, paths: [Path]) -> [String] {
        let sinks = Set(paths.map { "\($0.sink.rule)\n\($0.sink.function)" }).count
        let entries = Set(paths.map(\.entry.function)).count
        var line = "sinkmap — \(report.root): \(paths.count) \(paths.count == 1 ? "path" : "paths") from "
            + "\(entries) \(entries == 1 ? "entry point" : "entry points") to \(sinks) \(sinks == 1 ? "sink" : "sinks")"
        if let focus { line += " (rule \(focus))" }
        if let focusEntry { line += " (from \(focusEntry))" }
        return [line]
    }

    private static func place(_ n: PathGraph.Node) -> String {
        n.file.map { "\($0)\(n.line.map { ":\($0)" } ?? "")" } ?? "not in the scanned code"
    }

    /// A box's lines: the function, its place, and what it is when it is an entry point or a sink.
    private func label(_ n: PathGraph.Node, _ report: Report) -> [String] {
        var label = [n.function, Self.place(n)]
        switch n.role {
        case .entry(let kind):
            label.append("entry point (\(kind))")
        case .sink(let category, let rule):
            label.append("sink [\(category)] \(rule)")
            if let count = report.pathCounts.first(where: { $0.rule == rule && $0.function == n.function }),
               count.listed < count.total || !count.truncatedBy.isEmpty {
                let reasons = count.truncatedBy.isEmpty ? "" : " (\(count.truncatedBy.joined(separator: ", ")))"
                label.append("\(count.listed) of \(count.exact ? "" : "at least ")\(count.total) paths drawn\(reasons)")
            }
        case .intermediate:
            break
        }
        return label
    }

    private func node(_ id: Int, _ n: PathGraph.Node, _ report: Report) -> String {
        var attributes = ["label=\(DOTStyle.lines(label(n, report)))", "tooltip=\(DOTStyle.quoted(n.function + " — " + Self.place(n)))"]
        switch n.role {
        case .entry:
            attributes += ["fillcolor=\"\(DOTStyle.entryColors.fill)\"", "color=\"\(DOTStyle.entryColors.border)\"", "penwidth=2"]
        case .sink(let category, _):
            let colors = DOTStyle.sinkColors(category)
            attributes += ["shape=box", "style=\"filled,bold\"", "fillcolor=\"\(colors.fill)\"", "color=\"\(colors.border)\"",
                           "penwidth=2"]
        case .intermediate:
            break
        }
        return "n\(id) [\(attributes.joined(separator: ", "))];"
    }

    private func edge(_ e: PathGraph.Edge) -> String {
        let kind = e.call?.kind ?? "call"
        let style = DOTStyle.edge(kind)
        var attributes: [String] = []
        if let call = e.call {
            var how = "\(call.kind) call at \(call.file):\(call.line):\(call.column)"
            if let macro = call.macro { how += " via macro \(macro)" }
            attributes.append("tooltip=\(DOTStyle.quoted(how))")
        }
        if style.labelled || e.call?.macro != nil {
            let text = [style.labelled ? kind : nil, e.call?.macro.map { "via \($0)" }].compactMap { $0 }.joined(separator: " ")
            attributes.append("label=\(DOTStyle.quoted(text))")
        }
        if style.style != "solid" { attributes.append("style=\(style.style)") }
        if style.color != "#4b5563" { attributes.append("color=\"\(style.color)\"") }
        if e.paths > 1 { attributes.append("penwidth=\(min(1 + Double(e.paths - 1) * 0.5, 4))") }
        return "n\(e.from) -> n\(e.to)" + (attributes.isEmpty ? ";" : " [\(attributes.joined(separator: ", "))];")
    }

    private struct Cluster {
        var label: String
        var nodes: [Int]
    }

    /// Boxes of nodes sharing a file or a scope, sorted by label; functions with neither stay outside.
    private func clusters(_ graph: PathGraph) -> [Cluster] {
        var byLabel: [String: [Int]] = [:]
        for (i, n) in graph.nodes.enumerated() {
            let key: String?
            switch cluster {
            case .none: key = nil
            case .file: key = n.file
            case .namespace: key = QualifiedName.scope(of: n.function)
            case .folder: key = n.file.map(Self.folder(of:))
            }
            if let key { byLabel[key, default: []].append(i) }
        }
        return byLabel.keys.sorted().map { Cluster(label: $0, nodes: byLabel[$0]!) }
    }

    /// `tools/server` for `tools/server/server.cpp`, `.` for a file at the root, `/usr/include` for a header there.
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }
}
