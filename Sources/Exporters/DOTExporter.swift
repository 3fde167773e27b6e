import SinkmapReport

/// Graphviz DOT of the reported paths: "every way the program reaches the model" as one picture. Entry points
/// are blue and bold, sinks filled by category, other functions plain; edges styled by call kind
/// (`DOTStyle`). Node ids are synthetic (`n0`, `n1`, …); every name is in an escaped, quoted label.
public struct DOTExporter {
    public var cluster: GraphCluster
    /// Draw only the paths to this sink rule.
    public var focus: String?

    public init(cluster: GraphCluster = .none, focus: String? = nil) {
        self.cluster = cluster
        self.focus = focus
    }

    public func render(_ report: Report) -> String {
        let paths = focus.map { rule in report.paths.filter { $0.sink.rule == rule } } ?? report.paths
        let graph = PathGraph(paths: paths)
        var out = ["digraph sinkmap {"]
        out.append("  graph [rankdir=LR, labelloc=t, labeljust=l, fontname=\"Helvetica\", fontsize=12, "
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
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    private func title(_ report: Report, paths: [Path]) -> [String] {
        let sinks = Set(paths.map { "\($0.sink.rule)\n\($0.sink.function)" }).count
        let entries = Set(paths.map(\.entry.function)).count
        var line = "sinkmap — \(report.root): \(paths.count) \(paths.count == 1 ? "path" : "paths") from "
            + "\(entries) \(entries == 1 ? "entry point" : "entry points") to \(sinks) \(sinks == 1 ? "sink" : "sinks")"
        if let focus { line += " (rule \(focus))" }
        return [line]
    }

    private func node(_ id: Int, _ n: PathGraph.Node, _ report: Report) -> String {
        let place = n.file.map { "\($0)\(n.line.map { ":\($0)" } ?? "")" } ?? "not in the scanned code"
        var label = [n.function, place]
        var attributes: [String] = []
        switch n.role {
        case .entry(let kind):
            label.append("entry point (\(kind))")
            attributes += ["fillcolor=\"\(DOTStyle.entryColors.fill)\"", "color=\"\(DOTStyle.entryColors.border)\"", "penwidth=2"]
        case .sink(let category, let rule):
            label.append("sink [\(category)] \(rule)")
            if let count = report.pathCounts.first(where: { $0.rule == rule && $0.function == n.function }),
               count.listed < count.total || !count.truncatedBy.isEmpty {
                let reasons = count.truncatedBy.isEmpty ? "" : " (\(count.truncatedBy.joined(separator: ", ")))"
                label.append("\(count.listed) of \(count.exact ? "" : "at least ")\(count.total) paths drawn\(reasons)")
            }
            let colors = DOTStyle.sinkColors(category)
            attributes += ["shape=box", "style=\"filled,bold\"", "fillcolor=\"\(colors.fill)\"", "color=\"\(colors.border)\"",
                           "penwidth=2"]
        case .intermediate:
            break
        }
        attributes.insert("label=\(DOTStyle.lines(label))", at: 0)
        attributes.insert("tooltip=\(DOTStyle.quoted(n.function + " — " + place))", at: 1)
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
            }
            if let key { byLabel[key, default: []].append(i) }
        }
        return byLabel.keys.sorted().map { Cluster(label: $0, nodes: byLabel[$0]!) }
    }
}
