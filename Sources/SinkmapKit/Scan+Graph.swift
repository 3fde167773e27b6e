import Foundation
import PathEngine
import SinkmapCore

/// The whole call graph of a scan, before any path is enumerated: what `sinkmap graph` prints, for debugging a
/// missing path and for the IR cross-check (Tests/crosscheck).
public struct ScanGraph: Sendable {
    /// The root as given (file names in the graph are relative to it).
    public var root: String
    public var graph: CallGraph
    /// Per node: the id of the sink rule it matches, or nil.
    public var sinkRules: [String?]
    /// Per node: how it starts paths, or nil.
    public var entryKinds: [EntryKind?]
    /// Parse and input diagnostics, sorted, each once.
    public var diagnostics: [DiagnosticFact]
    public var translationUnits: Int
    public var translationUnitsWithErrors: Int
}

extension Scan {
    /// Runs the stages of `run()` up to the graph — configuration, compile jobs, parse, graph, sinks and entry
    /// points — and returns the whole graph (with the edges that create registered handler lambdas, which paths
    /// leave out). Throws the same `ScanError`s as `run()`.
    public func buildGraph() throws -> ScanGraph {
        let root = try resolveRoot()
        let configuration = try loadConfiguration(root: root)
        let matcher: SinkMatcher
        do {
            matcher = try SinkMatcher(rules: configuration.activeSinkRules)
        } catch {
            throw ScanError.configuration(ConfigurationError(file: configuration.path ?? "built-in catalog",
                                                             message: "\(error)"))
        }
        let threatRules = try ThreatRules(configuration)
        var (jobs, inputDiagnostics) = try compileJobs(root: root)
        guard !jobs.isEmpty else { throw ScanError.noTranslationUnits(options.root) }
        jobs.sort { $0.file < $1.file }
        let (units, _) = parse(jobs, root: root)
        let graph = buildGraph(units)
        let sinks = matcher.sinks(in: graph)
        // Entry points classified as `scan` does (HTTP handlers, threads, … and the project's `entries:`).
        var entryKinds = [EntryKind?](repeating: nil, count: graph.functions.count)
        for entry in try threatRules.apply(graph: graph, sinks: sinks, units: units).entries {
            entryKinds[Int(entry.node)] = entry.kind
        }
        var seen = Set<DiagnosticFact>()
        inputDiagnostics += units.flatMap(\.diagnostics)
        return ScanGraph(root: options.root, graph: graph, sinkRules: sinks.map { $0.map { matcher.rules[$0].id } },
                         entryKinds: entryKinds,
                         diagnostics: inputDiagnostics.sorted().filter { seen.insert($0).inserted },
                         translationUnits: units.count,
                         translationUnitsWithErrors: units.filter { $0.hadErrors || $0.failed }.count)
    }
}
