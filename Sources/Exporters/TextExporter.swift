import SinkmapReport

/// Human-readable report for a terminal: paths grouped by sink, each a chain of `function  file:line` with the
/// call that leads to the next frame.
public struct TextExporter {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ r: Report) -> String {
        var out: [String] = []
        let reached = r.pathCounts.filter { $0.total > 0 }
        let pathTotal = r.pathCounts.reduce(0) { PathCount.saturatingSum($0, $1.total) }
        out.append(bold("sinkmap \(r.tool.version)") + " — \(r.stats.translationUnits) translation units, "
                   + "\(r.stats.functions) functions, \(r.stats.calls) calls")
        out.append("\(reached.count) of \(r.sinks.count) sink functions called in the program are reached by "
                   + "\(pathTotal) \(pathTotal == 1 ? "path" : "paths")")
        let untrusted = r.paths.filter { $0.labels?.contains(ThreatText.untrustedInput) ?? false }.count
        let downstream = r.paths.filter { !($0.downstream ?? []).isEmpty }.count
        let context = [untrusted > 0 ? "\(untrusted) carry untrusted input" : nil,
                       downstream > 0 ? "\(downstream) may hand the model's output to a shell, SQL, file, network or "
                           + "dynamic-loading call" : nil].compactMap { $0 }
        if !context.isEmpty { out.append("of the \(r.paths.count) listed: " + context.joined(separator: ", ")) }

        for count in r.pathCounts where count.total > 0 {
            guard let sink = r.sinks.first(where: { $0.rule == count.rule && $0.function == count.function }) else { continue }
            out.append("")
            let listed = count.listed == count.total ? "\(count.total)" : "\(count.listed) of \(count.exact ? "" : "at least ")\(count.total)"
            out.append(bold(safe(sink.function)) + "  [\(sink.category)]  rule \(safe(sink.rule))  — \(listed) "
                       + (count.total == 1 ? "path" : "paths"))
            out.append("  " + dim(safe(sink.reason)))
            if !count.truncatedBy.isEmpty {
                out.append("  " + yellow("truncated by \(count.truncatedBy.joined(separator: ", ")); raise --max-paths / --max-depth to see more"))
            }
            let paths = r.paths.filter { $0.sink.rule == count.rule && $0.sink.function == count.function }
            for (n, path) in paths.enumerated() {
                var head = "  #\(n + 1) from \(safe(path.entry.function)) (\(safe(ThreatText.entry(path.entry))))"
                if path.labels?.contains(ThreatText.untrustedInput) ?? false { head += "  " + yellow("[untrusted-input]") }
                out.append(head)
                out.append(contentsOf: frames(path))
                out.append(contentsOf: downstreamLines(path))
            }
        }

        let unlisted = r.sinks.filter { s in !r.pathCounts.contains { $0.rule == s.rule && $0.function == s.function && $0.total > 0 } }
        let inner = unlisted.filter { $0.reachedThrough != nil }
        if !inner.isEmpty {
            out.append("")
            out.append("Sink functions reached only through another sink's body:")
            for s in inner {
                out.append("  \(safe(s.function))  [\(s.category)]  rule \(safe(s.rule))  (through \(safe(s.reachedThrough!)))")
            }
        }
        let unreached = unlisted.filter { $0.reachedThrough == nil }
        if !unreached.isEmpty {
            out.append("")
            out.append("Sink functions called but reached from no entry point:")
            for s in unreached { out.append("  \(safe(s.function))  [\(s.category)]  rule \(safe(s.rule))") }
        }
        if !r.diagnostics.isEmpty {
            out.append("")
            let errors = r.diagnostics.filter { $0.severity == "error" || $0.severity == "fatal" }.count
            out.append(yellow("\(r.diagnostics.count) diagnostics (\(errors) errors); paths through code that did not parse may be missing or recovered by name:"))
            for d in r.diagnostics.prefix(20) {
                let at = [d.file, d.line.map(String.init), d.column.map(String.init)].compactMap { $0 }.joined(separator: ":")
                out.append("  \(safe(at)): \(d.severity): \(safe(d.message))")
            }
            if r.diagnostics.count > 20 { out.append("  … \(r.diagnostics.count - 20) more (see --format json)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func frames(_ path: Path) -> [String] {
        var lines: [String] = []
        for (i, f) in path.frames.enumerated() {
            let place = f.file.map { "\($0)\(f.line.map { ":\($0)" } ?? "")" } ?? "(not in the scanned code)"
            let arrow = i == 0 ? "   " : "   → "
            // `helper@src/a.c  src/a.c:12` says the file twice: the place already tells same-named statics apart.
            var name = f.function
            if let file = f.file, name.hasSuffix("@" + file) { name = String(name.dropLast(file.count + 1)) }
            var line = arrow + safe(name) + "  " + dim(safe(place))
            if i > 0, let call = path.frames[i - 1].call {
                var how = "\(call.kind) call at \(call.file):\(call.line):\(call.column)"
                if let m = call.macro { how += " via macro \(m)" }
                line += "  " + dim("(\(safe(how)))")
            }
            lines.append(line)
            if let sources = f.sources, !sources.isEmpty {
                lines.append("       " + yellow("reads " + safe(sources.map(ThreatText.source).joined(separator: "; "))))
            }
        }
        return lines
    }

    private func downstreamLines(_ path: Path) -> [String] {
        guard let ops = path.downstream, !ops.isEmpty else { return [] }
        return ["   " + ThreatText.downstreamCaveat + ":"] + ops.map { "     " + yellow(safe(ThreatText.downstream($0))) }
    }

    private func safe(_ s: String) -> String { TerminalText.sanitize(s) }
    private func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    private func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    private func yellow(_ s: String) -> String { color ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
}
