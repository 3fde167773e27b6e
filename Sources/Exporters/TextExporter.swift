import SinkmapReport

/// Human-readable report for a terminal: paths grouped by sink, each a chain of `function  file:line` with the
/// call that leads to the next frame.
public struct TextExporter {
    public var color: Bool
    /// Print every listed path grouped by sink instead of the attack surface and its witnesses.
    public var allPaths: Bool
    /// Print the witnesses of uncalled roots too (folded by default).
    public var showRoots: Bool
    /// How many lines of witness paths the default output prints before folding the rest.
    public var witnessLines: Int

    public init(color: Bool = false, allPaths: Bool = false, showRoots: Bool = false, witnessLines: Int = 150) {
        self.color = color
        self.allPaths = allPaths
        self.showRoots = showRoots
        self.witnessLines = witnessLines
    }

    public func render(_ r: Report) -> String {
        var out: [String] = []
        let reached = r.pathCounts.filter { $0.total > 0 }
        let pathTotal = r.pathCounts.reduce(0) { PathCount.saturatingSum($0, $1.total) }
        let st = r.stats
        var several = ""
        if let files = st.filesCompiledSeveralTimes, !files.isEmpty {
            let units = files.values.reduce(0, +)
            several = "; \(files.count == 1 ? "1 file" : "\(files.count) files") compiled several times: \(units) units, each scanned"
        }
        let parsed = st.parsedTranslationUnits ?? (st.translationUnits - st.translationUnitsWithErrors - st.failedTranslationUnits)
        let units = "\(st.translationUnits) translation units (\(parsed) parsed, \(st.translationUnitsWithErrors) with errors, "
        let failed = "\(st.failedTranslationUnits) failed"
        out.append(bold("sinkmap \(r.tool.version)") + " — " + units
                   + (st.failedTranslationUnits > 0 ? yellow(failed) : failed) + several + "), \(st.functions) functions, \(st.calls) calls")
        out.append("\(reached.count) of \(r.sinks.count) sink functions called in the program are reached by "
                   + "\(pathTotal) \(pathTotal == 1 ? "path" : "paths")")
        let untrusted = r.paths.filter { $0.labels?.contains(ThreatText.untrustedInput) ?? false }.count
        let downstream = r.paths.filter { !($0.downstream ?? []).isEmpty }.count
        let flowing = r.paths.filter { $0.flow != nil }.count
        let outputs = r.paths.filter { !($0.outputs ?? []).isEmpty }.count
        let context = [untrusted > 0 ? "\(untrusted) carry untrusted input" : nil,
                       flowing > 0 ? "\(flowing) carry it into the sink call's arguments (flows-to-sink)" : nil,
                       outputs > 0 ? "\(outputs) hand the model's output to a shell, SQL, file or network call (data flow)" : nil,
                       downstream > 0 ? "\(downstream) call a shell, SQL, file, network or dynamic-loading function after the "
                           + "model call (reachability)" : nil].compactMap { $0 }
        if !context.isEmpty { out.append("of the \(r.paths.count) listed: " + context.joined(separator: ", ")) }

        let lifted = r.paths.contains(where: { $0.wrapper != nil })
        if let surface = r.surface, !allPaths {
            out.append(contentsOf: surfaceLines(surface, report: r))
        } else {
            if lifted { out.append(contentsOf: liftedLines(r)) }
            out.append(contentsOf: pathsBySink(r))
        }

        let unlisted = r.sinks.filter { s in !r.pathCounts.contains { $0.rule == s.rule && $0.function == s.function && $0.total > 0 } }
        // A sink whose every path a limit cut is not "reached from no entry point": the limit line says so.
        let cutAway = Set(r.pathCounts.filter { $0.total == 0 && !$0.truncatedBy.isEmpty }.map { $0.rule + "\u{0}" + $0.function })
        let inner = unlisted.filter { $0.reachedThrough != nil }
        if !inner.isEmpty {
            out.append("")
            out.append("Sink functions reached only through another sink's body:")
            for s in inner {
                out.append("  \(safe(s.function))  [\(s.category)]  rule \(safe(s.rule))  (through \(safe(s.reachedThrough!)))")
            }
        }
        let unreached = unlisted.filter { $0.reachedThrough == nil && !cutAway.contains($0.rule + "\u{0}" + $0.function) }
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

    /// Every listed path, grouped by sink (`--all-paths`, and reports without a surface).
    private func pathsBySink(_ r: Report) -> [String] {
        var out: [String] = []
        let cut = r.pathCounts.filter { $0.total == 0 && !$0.truncatedBy.isEmpty }
        if !cut.isEmpty {
            out.append("")
            out.append(contentsOf: cut.map { "  " + yellow(limitLine($0, r)) })
        }
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
                for label in ThreatText.flowLabels(path) { head += " " + yellow("[\(label)]") }
                out.append(head)
                out.append(contentsOf: frames(path))
                out.append(contentsOf: alsoReachesLines(path))
                out.append(contentsOf: flowLines(path))
                out.append(contentsOf: downstreamLines(path))
            }
        }
        return out
    }

    /// `--lift`: the paths through each of the project's wrappers, each head (entry point → … → wrapper) and each tail
    /// (wrapper → … → sink) once, with how many listed paths share it.
    private func liftedLines(_ r: Report) -> [String] {
        struct Group { var place = ""; var paths = 0; var heads: [String: Int] = [:]; var tails: [String: Int] = [:] }
        var groups: [String: Group] = [:]
        for p in r.paths {
            guard let w = p.wrapper, let k = p.frames.firstIndex(where: { $0.function == w }) else { continue }
            var g = groups[w] ?? Group()
            if g.place.isEmpty, let file = p.frames[k].file { g.place = file + (p.frames[k].line.map { ":\($0)" } ?? "") }
            g.paths += 1
            var head = p.frames[...k].map(\.function)
            if let routes = p.entry.routes, !routes.isEmpty { head[0] = routes.joined(separator: " | ") + " " + head[0] }
            g.heads[head.joined(separator: " → "), default: 0] += 1
            g.tails[p.frames[k...].map(\.function).joined(separator: " → ") + "  [\(p.sink.category)]", default: 0] += 1
            groups[w] = g
        }
        let through = groups.values.reduce(0) { $0 + $1.paths }
        var out = ["", bold("Model API") + " (--lift) — \(through) of \(r.paths.count) listed paths go through the project's own "
                   + "wrappers of the catalog's sinks; each route to a wrapper and each route from it once:"]
        func count(_ n: Int) -> String { dim("×\(n)") }
        // A screenful: the wrappers carrying most paths, each with its most shared routes; the rest is counted.
        let maxWrappers = 10, maxRoutes = 3
        let ordered = groups.keys.sorted(by: { (groups[$1]!.paths, $0) < (groups[$0]!.paths, $1) })
        for w in ordered.prefix(maxWrappers) {
            let g = groups[w]!
            out.append("  " + bold(safe(w)) + "  " + dim(safe(g.place)) + "  " + count(g.paths))
            for (label, routes) in [("from  ", g.heads), ("to    ", g.tails)] {
                let sorted = routes.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) })
                for (r, n) in sorted.prefix(maxRoutes) { out.append("    " + label + safe(r) + "  " + count(n)) }
                if sorted.count > maxRoutes {
                    let rest = sorted.dropFirst(maxRoutes).reduce(0) { $0 + $1.value }
                    out.append("    " + label + dim("… \(sorted.count - maxRoutes) more routes (\(rest) paths)"))
                }
            }
        }
        if ordered.count > maxWrappers {
            let rest = ordered.dropFirst(maxWrappers).reduce(0) { $0 + groups[$1]!.paths }
            out.append("  " + dim("… \(ordered.count - maxWrappers) more wrappers carrying \(rest) paths (each path's wrapper is in --format json)"))
        }
        return out
    }

    /// The attack surface first: one line per entry point of the project's code in review order (uncalled roots
    /// folded to one line each unless `showRoots`), then the witness path of each (entry point, sink) pair until
    /// `witnessLines` is spent; what is folded is counted, with the flag that shows it.
    private func surfaceLines(_ surface: Report.Surface, report r: Report) -> [String] {
        var out: [String] = ["", bold("Attack surface") + " — entry points in the project's code, request handlers first:"]
        let byID = Dictionary(r.paths.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for e in surface.entries {
            var line = "  " + safe(ThreatText.surfaceEntry(e)).padding(toLength: max(12, ThreatText.surfaceEntry(e).count), withPad: " ", startingAt: 0)
                + "  " + safe(e.function)
            if let file = e.file, !e.function.hasSuffix("@" + file) { line += "  " + dim(safe(file + (e.line.map { ":\($0)" } ?? ""))) }
            if let evidence = e.routeEvidence, !evidence.isEmpty {
                // A route resolved from constants shows the pattern as written; a gRPC method matched against a
                // `.proto` (its generated code missing) shows where the rpc is declared.
                let parts = evidence.map { e -> String in
                    guard let r = e.range(of: " = ") else { return e }
                    return String(e[r.upperBound...])
                }
                let matched = parts.filter { $0.hasPrefix("matched against ") }
                let written = parts.filter { !$0.hasPrefix("matched against ") }
                if !written.isEmpty { line += "  " + dim(safe("(as written: " + written.joined(separator: ", ") + ")")) }
                if !matched.isEmpty { line += "  " + dim(safe("(" + matched.joined(separator: ", ") + ")")) }
            }
            if e.untrusted == true { line += "  " + yellow("[untrusted-input]") }
            if e.sinks.contains(where: { $0.flows == true }) { line += " " + yellow("[flows-to-sink]") }
            line += e.sinks.isEmpty ? dim("  → no sink") : "  → " + safe(e.sinks.map {
                "\($0.function) ×\($0.paths)" + ($0.flows == true ? " (request flows)" : "")
            }.joined(separator: ", "))
            out.append(line)
            for o in e.requestDriven ?? [] { out.append("      " + yellow(safe(ThreatText.requestDriven(o)))) }
        }
        if surface.entries.isEmpty { out.append("  (none)") }
        for count in r.pathCounts where !count.truncatedBy.isEmpty {
            out.append("  " + yellow(limitLine(count, r)))
        }
        if let hidden = surface.notProject, hidden.entries > 0 {
            out.append("  " + dim("not listed: \(hidden.entries) entry points in vendored or external code, starting \(hidden.paths) "
                                  + "\(hidden.paths == 1 ? "path" : "paths") (--include-vendored lists them)"))
        }

        // `--lift`: the project's model API between the surface and the witnesses.
        // The lifted view shares the screenful with the witnesses.
        let lifted = r.paths.contains(where: { $0.wrapper != nil }) ? liftedLines(r) : []
        out.append(contentsOf: lifted)
        let pairs = surface.entries.flatMap { e in e.sinks.map { (e, $0) } }
        let shown = pairs.filter { showRoots || $0.0.kind != "root" }
        out.append("")
        out.append(bold("Witness paths") + " — the shortest path from each entry point to each sink it reaches "
                   + "(\(pairs.count) of \(r.paths.count) listed paths; --all-paths prints every path):")
        var printed = 0, budget = lifted.isEmpty ? witnessLines : max(witnessLines / 3, witnessLines - lifted.count)
        for (n, (e, sink)) in shown.enumerated() {
            guard let path = byID[sink.witness] else { continue }
            let block = witness(path, entry: e, sink: sink, number: n + 1)
            if budget - block.count < 0 && printed > 0 { break }
            out.append(contentsOf: block)
            budget -= block.count
            printed += 1
        }
        let folded = pairs.count - printed
        if folded > 0 {
            var why: [String] = []
            if shown.count > printed { why.append("\(shown.count - printed) past the first screen (--all-paths)") }
            if pairs.count > shown.count { why.append("\(pairs.count - shown.count) from uncalled roots (--show-roots)") }
            out.append("  " + dim("… \(folded) more witness \(folded == 1 ? "path" : "paths") not printed: " + why.joined(separator: ", ")
                                  + "; every path is in --format json and html"))
        }
        return out
    }

    /// The line saying a limit cut the paths to one sink. With nothing listed, the sink is reached only by paths
    /// longer than the limit: it is not "reached from no entry point".
    private func limitLine(_ count: PathCount, _ r: Report) -> String {
        let by = count.truncatedBy.joined(separator: ", ")
        if count.total == 0 {
            return "paths to \(safe(count.function)) truncated by \(by): none within --max-depth \(r.limits.maxDepth) calls; "
                + "raise --max-depth to see them"
        }
        return "paths to \(safe(count.function)) truncated by \(by): \(count.listed) of \(count.exact ? "" : "at least ")"
            + "\(count.total) listed; raise --max-paths / --max-depth to see more"
    }

    private func witness(_ path: Path, entry e: Report.Surface.Entry, sink: Report.Surface.Reached, number: Int) -> [String] {
        let who = (e.routes ?? []).isEmpty ? "\(e.function) (\(ThreatText.surfaceEntry(e)))"
            : "\(e.routes!.joined(separator: ", ")) (\(e.kind) \(e.function))"
        var head = "  #\(number) " + safe(who) + " → " + bold(safe(sink.function))
            + "  [\(sink.category)]  \(sink.paths) \(sink.paths == 1 ? "path" : "paths")"
        if path.labels?.contains(ThreatText.untrustedInput) ?? false { head += "  " + yellow("[untrusted-input]") }
        for label in ThreatText.flowLabels(path) { head += " " + yellow("[\(label)]") }
        return [""] + [head] + frames(path) + alsoReachesLines(path) + flowLines(path) + downstreamLines(path)
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
                var how = ThreatText.call(call)
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

    private func alsoReachesLines(_ path: Path) -> [String] {
        guard let also = path.alsoReaches, !also.isEmpty else { return [] }
        return ["       " + yellow("inside it, also reaches: " + safe(also.joined(separator: ", ")))]
    }

    private func downstreamLines(_ path: Path) -> [String] {
        guard let ops = path.downstream, !ops.isEmpty else { return [] }
        return ["   " + ThreatText.downstreamCaveat + ":"] + ops.map { "     " + yellow(safe(ThreatText.downstreamWithBasis($0))) }
    }

    /// The data-flow witnesses: the request into the sink call's arguments, the model's output into operations.
    private func flowLines(_ path: Path) -> [String] {
        var lines: [String] = []
        if let f = path.flow {
            lines.append("   " + yellow(safe("flow: " + ThreatText.flowHead(f, sink: path.sink.function))) + ":")
            lines += ThreatText.flowGroups(f.steps).map { "     " + dim(safe($0)) }
        }
        for o in path.outputs ?? [] {
            lines.append("   " + yellow(safe("output: " + ThreatText.outputHead(o))) + ":")
            lines += ThreatText.flowGroups(o.steps).map { "     " + dim(safe($0)) }
        }
        return lines
    }

    private func safe(_ s: String) -> String { TerminalText.sanitize(s) }
    private func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    private func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    private func yellow(_ s: String) -> String { color ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
}
