import PathEngine
import SinkmapCore

/// The rules of the threat context (`Docs/threat-context.md`) — the project's entry points and sources plus the
/// built-in sources and sensitive operations — compiled before any parsing so a bad rule fails fast. Applied to
/// the call graph, they classify entry points, decide the graph paths are enumerated on, and annotate paths.
struct ThreatRules {
    let entries: [EntryRule]
    let entryMatcher: NameMatcher
    let sources: [SourceRule]
    let operations: [OperationRule]

    init(_ configuration: Configuration) throws {
        entries = configuration.entries
        sources = configuration.activeSourceRules
        operations = BuiltinThreatCatalog.operations
        do {
            entryMatcher = try NameMatcher(entries.map { ($0.names, $0.patterns) })
            _ = try NameMatcher(sources.map { ($0.names, $0.patterns) })
        } catch {
            throw ScanError.configuration(ConfigurationError(file: configuration.path ?? "built-in catalog", message: "\(error)"))
        }
    }

    /// What the path engine and the report need from the rules for one graph.
    struct Applied {
        /// Every entry point, classified.
        var entryPoints: [EntryPoint]
        /// The same, as the path enumerator takes them.
        var entries: [(node: Int32, kind: EntryKind)]
        /// The graph without the edges that create registered handler lambdas.
        var pathGraph: CallGraph
        var context: ThreatContext
    }

    func apply(graph: CallGraph, sinks: [Int?], units: [TranslationUnitFacts]) throws -> Applied {
        let facts = ThreatFacts(units: units, graph: graph)
        let entryPoints = EntryPoints.classify(in: graph, sinks: sinks, facts: facts, rules: entries, ruleMatcher: entryMatcher)
        let pathGraph = EntryPoints.pathGraph(graph, entries: entryPoints)
        let context = try ThreatContext(graph: pathGraph, entries: entryPoints, facts: facts, sourceRules: sources,
                                        operationRules: operations)
        return Applied(entryPoints: entryPoints, entries: entryPoints.map { ($0.node, $0.kind) }, pathGraph: pathGraph,
                       context: context)
    }
}
