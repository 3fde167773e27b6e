import PathEngine
import SinkmapCore
import SinkmapReport

/// Turns the engine's node ids into the wire model: names, files, call sites, fingerprints, sorted output.
struct ReportBuilder {
    let graph: CallGraph
    let rules: [SinkRule]
    let limits: PathLimits

    func build(root: String, sinks: [Int?], found: [SinkPaths], units: [TranslationUnitFacts], entries: Int,
               extraDiagnostics: [DiagnosticFact], seconds: Double) -> Report {
        var paths: [Path] = []
        var counts: [PathCount] = []
        var sinkList: [Sink] = []
        for s in found {
            let rule = rules[s.rule]
            let sinkFunction = graph.functions[Int(s.sink)]
            sinkList.append(Sink(rule: rule.id, function: sinkFunction.displayName, category: rule.category.rawValue,
                                 reason: rule.reason, file: sinkFunction.location?.file, line: sinkFunction.location?.line))
            counts.append(PathCount(rule: rule.id, function: sinkFunction.displayName, total: s.total,
                                    listed: s.paths.count, exact: s.countIsExact, truncatedBy: s.truncatedBy))
            for p in s.paths {
                paths.append(path(p, rule: rule, truncated: !s.truncatedBy.isEmpty))
            }
        }
        sinkList.sort { ($0.rule, $0.function) < ($1.rule, $1.function) }
        counts.sort { ($0.rule, $0.function) < ($1.rule, $1.function) }
        paths.sort(by: Self.pathOrder)

        let diagnostics = (units.flatMap(\.diagnostics) + extraDiagnostics).sorted().map {
            Diagnostic(file: $0.file, line: $0.line, column: $0.column, severity: $0.severity.rawValue, message: $0.message)
        }
        let stats = Report.Stats(
            translationUnits: units.count, failedTranslationUnits: units.filter(\.failed).count,
            translationUnitsWithErrors: units.filter(\.hadErrors).count, functions: graph.functions.count,
            calls: graph.callCount, entryPoints: entries, seconds: (seconds * 1000).rounded() / 1000)
        return Report(tool: .init(version: SinkmapVersion.current), root: root, sinks: sinkList, paths: paths,
                      pathCounts: counts, diagnostics: diagnostics,
                      limits: .init(maxPaths: limits.maxPaths, maxDepth: limits.maxDepth), stats: stats)
    }

    private func path(_ p: EnginePath, rule: SinkRule, truncated: Bool) -> Path {
        var frames: [Frame] = []
        for (k, node) in p.nodes.enumerated() {
            let f = graph.functions[Int(node)]
            var call: Frame.Call?
            if k < p.sites.count {
                let site = p.sites[k]
                call = Frame.Call(file: site.location.file, line: site.location.line, column: site.location.column,
                                  kind: site.kind.rawValue, macro: site.macro)
            }
            frames.append(Frame(function: f.displayName, file: f.location?.file, line: f.location?.line, call: call))
        }
        let entry = graph.functions[Int(p.nodes[0])]
        let sink = graph.functions[Int(p.nodes.last!)]
        let id = PathFingerprint.of(rule: rule.id, functionIDs: p.nodes.map { graph.functions[Int($0)].id })
        return Path(id: id, entry: .init(function: entry.displayName, kind: p.entry.rawValue),
                    sink: .init(rule: rule.id, function: sink.displayName, category: rule.category.rawValue),
                    frames: frames, truncated: truncated)
    }

    static func pathOrder(_ a: Path, _ b: Path) -> Bool {
        if a.sink.rule != b.sink.rule { return a.sink.rule < b.sink.rule }
        if a.sink.function != b.sink.function { return a.sink.function < b.sink.function }
        let an = a.frames.map(\.function), bn = b.frames.map(\.function)
        if an != bn { return an.lexicographicallyPrecedes(bn) }
        return a.id < b.id
    }
}
