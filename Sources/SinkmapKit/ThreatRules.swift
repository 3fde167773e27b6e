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
        /// Every entry point, classified: in project code (or named by an `entries:` rule), or all of them with
        /// `includeVendored`.
        var entryPoints: [EntryPoint]
        /// Entry points left out because their code is vendored or external.
        var notProject: [EntryPoint] = []
        /// The same, as the path enumerator takes them.
        var entries: [(node: Int32, kind: EntryKind)]
        /// The graph without the edges that create registered handler lambdas.
        var pathGraph: CallGraph
        var context: ThreatContext
    }

    /// `origins` gives each node's origin; entry points whose code is not the project's are set apart unless
    /// `includeVendored` (an `entries:` rule keeps its entry point wherever it is).
    func apply(graph: CallGraph, sinks: [Int?], units: [TranslationUnitFacts], origins: [Origin]? = nil,
               includeVendored: Bool = true, protos: ProtoServices = ProtoServices()) throws -> Applied {
        let facts = ThreatFacts(units: units, graph: graph, protos: protos)
        let all = EntryPoints.classify(in: graph, sinks: sinks, facts: facts, rules: entries, ruleMatcher: entryMatcher)
        var entryPoints = all, notProject: [EntryPoint] = []
        if !includeVendored, let origins {
            entryPoints = all.filter { $0.configured || origins[Int($0.node)] == .project }
            notProject = all.filter { !$0.configured && origins[Int($0.node)] != .project }
        }
        let pathGraph = EntryPoints.pathGraph(graph, entries: all)
        let context = try ThreatContext(graph: pathGraph, entries: entryPoints, facts: facts, sourceRules: sources,
                                        operationRules: operations, origins: origins)
        return Applied(entryPoints: entryPoints, notProject: notProject, entries: entryPoints.map { ($0.node, $0.kind) },
                       pathGraph: pathGraph, context: context)
    }
}
