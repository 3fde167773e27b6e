import Foundation
import PathEngine
import SinkmapCore

/// The whole call graph of a scan, before any path is enumerated: what `sinkmap graph` prints, for debugging a
/// missing path and for the IR cross-check (Tests/crosscheck).
public struct ScanGraph: Sendable {
    /// The root as given (file names in the graph are relative to it).
    public var root: String
    public var graph: CallGraph
    /// The graph paths are enumerated on: without the edges from a function to the handlers it registers.
    public var pathGraph: CallGraph
    /// Per node: the id of the sink rule it matches, or nil.
    public var sinkRules: [String?]
    /// Per node: the category of the sink rule it matches, or nil.
    public var sinkCategories: [SinkCategory?]
    /// Per node: how it starts paths, or nil.
    public var entryKinds: [EntryKind?]
    /// Per node: the HTTP routes or gRPC method it is registered for, or nil.
    public var routes: [[String]?]
    /// Per node: whose code it is.
    public var origins: [Origin]
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
        let p = try prepare()
        let graph = p.graph
        let sinks = p.matcher.sinks(in: graph)
        // Entry points classified as `scan` does (HTTP handlers, threads, … and the project's `entries:`).
        var entryKinds = [EntryKind?](repeating: nil, count: graph.functions.count)
        var routes = [[String]?](repeating: nil, count: graph.functions.count)
        let applied = try p.threatRules.apply(graph: graph, sinks: sinks, units: p.units, protos: p.protos)
        for entry in applied.entryPoints {
            entryKinds[Int(entry.node)] = entry.kind
            if !entry.routes.isEmpty { routes[Int(entry.node)] = entry.routes }
        }
        let origins = p.origins.origins(of: graph)
        var seen = Set<DiagnosticFact>()
        let diagnostics = (p.inputDiagnostics + p.units.flatMap(\.diagnostics)).sorted().filter { seen.insert($0).inserted }
        return ScanGraph(root: options.root, graph: graph, pathGraph: applied.pathGraph, sinkRules: sinks.map { $0.map { p.matcher.rules[$0].id } },
                         sinkCategories: sinks.map { $0.map { p.matcher.rules[$0].category } },
                         entryKinds: entryKinds, routes: routes, origins: origins, diagnostics: diagnostics, translationUnits: p.units.count,
                         translationUnitsWithErrors: p.units.filter { $0.hadErrors || $0.failed }.count)
    }
}
