import PathEngine
import SinkmapCore
import SinkmapReport

/// Turns the engine's node ids into the wire model: names, files, call sites, fingerprints, sorted output.
struct ReportBuilder {
    let graph: CallGraph
    let rules: [SinkRule]
    let limits: PathLimits
    /// Entry kinds, sources and downstream operations for each path; nil leaves them out.
    var threat: ThreatContext? = nil
    /// Per node: whose code it is; nil leaves origins out.
    var origins: [Origin]? = nil
    /// Entry points set apart because their code is not the project's, and the paths that start there.
    var notProject: Report.Surface.Folded? = nil
    /// Sinks reached only through another sink's body, with that sink (`GateSlice.reachedThroughSinks`).
    var reachedThrough: [Int32: Int32] = [:]
    /// `--lift`: per sink node, the project's wrappers of it (`Wrappers`); a path names the first on it.
    var wrappers: [Int32: Set<Int32>] = [:]

    func build(root: String, sinks: [Int?], found: [SinkPaths], units: [TranslationUnitFacts], entries: Int,
               extraDiagnostics: [DiagnosticFact], cachedUnits: Int = 0, seconds: Double) -> Report {
        var paths: [Path] = []
        // Overloads, and a library function also recovered by name, share a shown name: one sink to a reader.
        var counts: [String: PathCount] = [:]
        var sinksByKey: [String: Sink] = [:]
        for s in found {
            let rule = rules[s.rule]
            let sinkFunction = graph.functions[Int(s.sink)]
            let key = rule.id + "\u{0}" + sinkFunction.displayName
            var sink = Sink(rule: rule.id, function: sinkFunction.displayName, category: rule.category.rawValue,
                            reason: rule.reason, file: sinkFunction.location?.file, line: sinkFunction.location?.line)
            sink.reachedThrough = reachedThrough[s.sink].map { graph.functions[Int($0)].displayName }
            // Keep the declaration seen first in file order; a located one over a name-only one.
            let keepExisting = sinksByKey[key].map { e in
                e.file != nil && (sink.file == nil || (e.file!, e.line ?? 0) <= (sink.file!, sink.line ?? 0))
            } ?? false
            if !keepExisting { sinksByKey[key] = sink }
            var count = counts[key] ?? PathCount(rule: rule.id, function: sinkFunction.displayName, total: 0, listed: 0,
                                                  exact: true, truncatedBy: [])
            count.total = PathCount.saturatingSum(count.total, s.total)
            count.listed += s.paths.count
            count.exact = count.exact && s.countIsExact
            count.truncatedBy = Array(Set(count.truncatedBy + s.truncatedBy)).sorted()
            counts[key] = count
            let nested = nestedSinks(of: s.sink, sinks: sinks)
            for p in s.paths {
                var listed = path(p, rule: rule, truncated: false)
                listed.alsoReaches = nested.isEmpty ? nil : nested
                paths.append(listed)
            }
        }
        for i in paths.indices {
            let key = paths[i].sink.rule + "\u{0}" + paths[i].sink.function
            paths[i].truncated = !(counts[key]?.truncatedBy.isEmpty ?? true)
        }
        var sinkList = Array(sinksByKey.values)
        var countList = Array(counts.values)
        sinkList.sort { ($0.rule, $0.function) < ($1.rule, $1.function) }
        countList.sort { ($0.rule, $0.function) < ($1.rule, $1.function) }
        paths.sort(by: Self.pathOrder)

        // The same header error is seen by every unit that includes it: report it once.
        var seen = Set<DiagnosticFact>()
        let unique = (units.flatMap(\.diagnostics) + extraDiagnostics).sorted().filter { seen.insert($0).inserted }
        let diagnostics = unique.map {
            Diagnostic(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message)
        }
        var stats = Report.Stats(
            translationUnits: units.count, failedTranslationUnits: units.filter(\.failed).count,
            translationUnitsWithErrors: units.filter { $0.hadErrors && !$0.failed }.count, functions: graph.functions.count,
            calls: graph.callCount, entryPoints: entries, seconds: (seconds * 1000).rounded() / 1000)
        stats.parsedTranslationUnits = units.filter { !$0.hadErrors && !$0.failed }.count
        stats.cachedTranslationUnits = cachedUnits > 0 ? cachedUnits : nil
        var unitsPerFile: [String: Int] = [:]
        for unit in units { unitsPerFile[unit.file, default: 0] += 1 }
        let several = unitsPerFile.filter { $0.value > 1 }
        stats.filesCompiledSeveralTimes = several.isEmpty ? nil : several
        if let threat {
            var kinds: [String: Int] = [:]
            for e in threat.entries.values { kinds[e.kind.rawValue, default: 0] += 1 }
            stats.entryPointKinds = kinds
        }
        var report = Report(tool: .init(version: SinkmapVersion.current, libclang: SinkmapVersion.libclang), root: root, sinks: sinkList, paths: paths,
                            pathCounts: countList, diagnostics: diagnostics,
                            limits: .init(maxPaths: limits.maxPaths, maxDepth: limits.maxDepth), stats: stats)
        if let threat { report.surface = surface(paths: paths, threat: threat) }
        return report
    }

    /// The other sinks a sink's body reaches, through anything (other sinks included), by display name.
    private func nestedSinks(of sink: Int32, sinks: [Int?]) -> [String] {
        guard !graph.callees[Int(sink)].isEmpty else { return [] }
        var seen: Set<Int32> = [sink]
        var queue: [Int32] = [sink]
        var found = Set<String>()
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            for edge in graph.callees[Int(n)] where seen.insert(edge.callee).inserted {
                if sinks[Int(edge.callee)] != nil { found.insert(graph.functions[Int(edge.callee)].displayName) }
                queue.append(edge.callee)
            }
        }
        return found.sorted()
    }

    /// The attack surface: every entry point that starts a listed path, and every request handler found, in review
    /// order (kind, then those reaching a sink first, then name); per entry the sinks it reaches with the witness — the shortest listed path, ties by
    /// frame names (paths are sorted that way).
    private func surface(paths: [Path], threat: ThreatContext) -> Report.Surface {
        let entries = threat.entries
        var entryByName: [String: EntryPoint] = [:]
        for e in entries.values.sorted(by: { $0.node < $1.node }) where entryByName[graph.functions[Int(e.node)].displayName] == nil {
            entryByName[graph.functions[Int(e.node)].displayName] = e
        }
        func requestDriven(_ function: String) -> [Report.Surface.Operation]? {
            guard let e = entryByName[function] else { return nil }
            let found = threat.requestDriven(e).map {
                Report.Surface.Operation(operation: $0.category.rawValue, function: graph.functions[Int($0.operation)].displayName,
                                         via: $0.via.map { graph.functions[Int($0)].displayName },
                                         file: $0.location.file, line: $0.location.line)
            }
            return found.isEmpty ? nil : found
        }
        struct Key: Hashable { var entry: String; var rule: String; var sink: String }
        var reached: [String: [Key]] = [:]
        var count: [Key: Int] = [:]
        var witness: [Key: Path] = [:]
        var first: [String: Path] = [:]
        var untrustedEntries = Set<String>()
        for p in paths {
            if (p.labels ?? []).contains("untrusted-input") { untrustedEntries.insert(p.entry.function) }
            let key = Key(entry: p.entry.function, rule: p.sink.rule, sink: p.sink.function)
            if count[key] == nil { reached[p.entry.function, default: []].append(key) }
            count[key, default: 0] += 1
            if let w = witness[key] {
                // A path whose untrusted input reaches the sink's arguments is the better witness — one reaching an
                // argument after the first (usually a handle) better still; then the shorter.
                func rank(_ x: Path) -> Int { x.flow.map { $0.arguments.contains { $0 > 1 } ? 0 : 1 } ?? 2 }
                if (rank(p), p.frames.count) < (rank(w), w.frames.count) { witness[key] = p }
            } else {
                witness[key] = p
            }
            if first[p.entry.function] == nil { first[p.entry.function] = p }
        }
        var rows: [(rank: Int, name: String, entry: Report.Surface.Entry)] = []
        for (function, p) in first {
            let kind = EntryKind(rawValue: p.entry.kind)
            let sinks = reached[function]!.map { k in
                var reached = Report.Surface.Reached(rule: k.rule, function: k.sink, category: witness[k]!.sink.category,
                                                     paths: count[k]!, witness: witness[k]!.id)
                reached.flows = witness[k]!.flow != nil ? true : nil
                return reached
            }.sorted { ($0.category, $0.function, $0.rule) < ($1.category, $1.function, $1.rule) }
            let untrusted = untrustedEntries.contains(function)
            rows.append((kind?.reviewRank ?? EntryKind.reviewOrder.count, function,
                         Report.Surface.Entry(function: function, kind: p.entry.kind, routes: p.entry.routes,
                                              routeEvidence: p.entry.routeEvidence, label: p.entry.label,
                                              origin: p.entry.origin ?? Origin.project.rawValue, file: p.frames[0].file,
                                              line: p.frames[0].line, untrusted: untrusted ? true : nil, sinks: sinks,
                                              requestDriven: requestDriven(function))))
        }
        // The whole route inventory: a handler that reaches no sink is attack surface too.
        for e in entries.values where e.kind.receivesRequests {
            let f = graph.functions[Int(e.node)]
            guard first[f.displayName] == nil else { continue }
            rows.append((e.kind.reviewRank, f.displayName,
                         Report.Surface.Entry(function: f.displayName, kind: e.kind.rawValue, routes: e.routes.isEmpty ? nil : e.routes,
                                              routeEvidence: e.routeEvidence.isEmpty ? nil : e.routeEvidence, label: e.label,
                                              origin: (origins?[Int(e.node)] ?? .project).rawValue,
                                              file: f.location?.file, line: f.location?.line, untrusted: nil, sinks: [],
                                              requestDriven: requestDriven(f.displayName))))
        }
        // Within a kind, the entry points that reach a sink before those that reach none, and those whose untrusted
        // input reaches a sink's arguments first among them.
        func order(_ r: (rank: Int, name: String, entry: Report.Surface.Entry)) -> (Int, Int, Int, String) {
            (r.rank, r.entry.sinks.isEmpty ? 1 : 0, r.entry.sinks.contains { $0.flows == true } ? 0 : 1, r.name)
        }
        rows.sort { order($0) < order($1) }
        return Report.Surface(entries: rows.map(\.entry), notProject: notProject)
    }

    private func path(_ p: EnginePath, rule: SinkRule, truncated: Bool) -> Path {
        var frames: [Frame] = []
        for (k, node) in p.nodes.enumerated() {
            let f = graph.functions[Int(node)]
            var call: Frame.Call?
            if k < p.sites.count {
                let site = p.sites[k]
                call = Frame.Call(file: site.location.file, line: site.location.line, column: site.location.column,
                                  kind: site.kind.rawValue, macro: site.macro,
                                  evidence: site.evidence.map {
                                      Frame.Evidence(slot: $0.slot, file: $0.location.file, line: $0.location.line, column: $0.location.column)
                                  })
            }
            var frame = Frame(function: f.displayName, file: f.location?.file, line: f.location?.line, call: call)
            frame.origin = origins?[Int(node)].rawValue
            frames.append(frame)
        }
        let entry = graph.functions[Int(p.nodes[0])]
        let sink = graph.functions[Int(p.nodes.last!)]
        let id = PathFingerprint.of(rule: rule.id, functionIDs: p.nodes.map { graph.functions[Int($0)].id })
        var path = Path(id: id, entry: .init(function: entry.displayName, kind: p.entry.rawValue),
                        sink: .init(rule: rule.id, function: sink.displayName, category: rule.category.rawValue),
                        frames: frames, truncated: truncated)
        path.entry.origin = origins?[Int(p.nodes[0])].rawValue
        if let lifted = wrappers[p.nodes.last!], let k = p.nodes.dropLast().firstIndex(where: lifted.contains) {
            path.wrapper = graph.functions[Int(p.nodes[k])].displayName
        }
        if let threat { annotate(&path, threat.annotate(p, producesOutput: rule.category.producesOutput)) }
        return path
    }

    /// Names the engine's threat context of a path into the wire model.
    private func annotate(_ path: inout Path, _ t: PathThreat) {
        func name(_ n: Int32) -> String { graph.functions[Int(n)].displayName }
        func location(_ l: SourceLocation) -> Path.Location { Path.Location(file: l.file, line: l.line, column: l.column) }
        path.entry.kind = t.entry.kind.rawValue
        path.entry.routes = t.entry.routes.isEmpty ? nil : t.entry.routes
        path.entry.routeEvidence = t.entry.routeEvidence.isEmpty ? nil : t.entry.routeEvidence
        path.entry.label = t.entry.label
        if let first = t.entry.registeredBy.first {
            path.entry.registeredBy = first.node.map(name)
            path.entry.registeredAt = location(first.location)
        }
        for (k, reads) in t.reads.enumerated() where !reads.isEmpty {
            path.frames[k].sources = reads.map { Frame.Source(source: $0.source, kind: $0.kind.rawValue, via: $0.via.map(name)) }
        }
        var labels: [String] = t.untrustedInput ? ["untrusted-input"] : []
        func steps(_ s: [FlowStep]) -> [Path.FlowStep] {
            s.map { Path.FlowStep(frame: $0.frame, function: name($0.node), value: $0.value, at: $0.location.map(location)) }
        }
        if let f = t.flow {
            labels.append("flows-to-sink")
            path.flow = Path.Flow(source: f.source, kind: f.kind.rawValue, arguments: f.arguments, steps: steps(f.steps))
        }
        let outputs = t.outputs.map { Path.OutputFlow(operation: $0.category.rawValue, function: $0.name, steps: steps($0.steps)) }
        for category in ["shell", "sql", "file", "network"] where outputs.contains(where: { $0.operation == category }) {
            labels.append("output-to-" + category)
        }
        path.outputs = outputs.isEmpty ? nil : outputs
        path.labels = labels.isEmpty ? nil : labels
        let downstream = t.downstream.map { d -> Path.Downstream in
            var entry = Path.Downstream(operation: d.category.rawValue, function: name(d.operation), via: d.via.map(name),
                                        from: path.frames[d.frame].function, at: location(d.location))
            entry.basis = outputs.contains { $0.operation == entry.operation } ? "data-flow" : "reachability"
            return entry
        }
        path.downstream = downstream.isEmpty ? nil : downstream
    }

    /// What the gate compares besides the paths: the slice's calls named and fingerprinted, the units that were
    /// not analysed (and why), the units parsed with errors, the sources under skipped folders.
    func evidence(slice: [GateSlice.Call], units: [TranslationUnitFacts], skippedSources: [String]) -> GateEvidence {
        let calls = slice.map { c -> SliceCall in
            let caller = graph.functions[Int(c.caller)], callee = graph.functions[Int(c.callee)]
            let at = c.site.location
            return SliceCall(id: PathFingerprint.ofCall(callerID: caller.id, calleeID: callee.id, kind: c.site.kind.rawValue,
                                                        macro: c.site.macro),
                             caller: caller.displayName, callee: callee.displayName,
                             entry: graph.functions[Int(c.entry)].displayName, sink: graph.functions[Int(c.sink)].displayName,
                             at: "\(at.file):\(at.line):\(at.column)")
        }
        return GateEvidence(calls: calls,
                            failedUnits: units.compactMap { u in u.failure.map { FailedUnit(file: u.file, reason: $0.rawValue) } },
                            unitsWithErrors: units.filter(\.hadErrors).map(\.file),
                            skippedSources: skippedSources)
    }

    /// By sink; then paths whose untrusted input reaches the sink's arguments (`flows-to-sink`) before the others;
    /// then request handlers before `main`s before uncalled roots (`EntryKind.reviewRank`); then the shorter path
    /// first; then by frame names.
    static func pathOrder(_ a: Path, _ b: Path) -> Bool {
        if a.sink.rule != b.sink.rule { return a.sink.rule < b.sink.rule }
        if a.sink.function != b.sink.function { return a.sink.function < b.sink.function }
        if (a.flow == nil) != (b.flow == nil) { return a.flow != nil }
        let ar = EntryKind(rawValue: a.entry.kind)?.reviewRank ?? EntryKind.reviewOrder.count
        let br = EntryKind(rawValue: b.entry.kind)?.reviewRank ?? EntryKind.reviewOrder.count
        if ar != br { return ar < br }
        if a.frames.count != b.frames.count { return a.frames.count < b.frames.count }
        let an = a.frames.map(\.function), bn = b.frames.map(\.function)
        if an != bn { return an.lexicographicallyPrecedes(bn) }
        return a.id < b.id
    }
}
