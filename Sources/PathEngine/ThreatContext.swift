import SinkmapCore

/// The threat context of one path, in node ids: who starts it, which frames read untrusted input, and which
/// sensitive operations the frames may hand the model's output to.
public struct PathThreat: Sendable, Equatable {
    public var entry: EntryPoint
    /// Per frame (the sink's is always empty).
    public var reads: [[SourceRead]]
    /// The entry point receives requests, or a frame before the sink reads untrusted input. The environment is
    /// the operator's: a `getenv` read is shown as a source but does not make a path untrusted.
    public var untrustedInput: Bool
    public var downstream: [DownstreamOperation]
    /// Untrusted input reaching the sink call's arguments; nil when none does (or the path has no untrusted input).
    public var flow: SinkFlow?
    /// The model's output reaching a shell, SQL, file or network call's arguments.
    public var outputs: [OutputFlow] = []
}

/// Annotates paths with their threat context (`Docs/threat-context.md`). Built once per scan over the graph
/// the paths were enumerated on.
public final class ThreatContext: @unchecked Sendable {
    public let entries: [Int32: EntryPoint]
    private let sources: SourceReads
    private let downstream: Downstream
    private let flow: ArgumentFlow
    /// Per node, whether it is the project's own code: only such frames contribute reads and downstream
    /// operations (a `getenv` deep inside vendored ggml is not the project's input). Nil: every frame.
    private let isProject: [Bool]?

    public init(graph: CallGraph, entries: [EntryPoint], facts: ThreatFacts, sourceRules: [SourceRule],
                operationRules: [OperationRule], origins: [Origin]? = nil) throws {
        isProject = origins.map { $0.map { $0 == .project } }
        var byNode: [Int32: EntryPoint] = [:]
        for e in entries { byNode[e.node] = e }
        self.entries = byNode
        sources = SourceReads(graph: graph, rules: sourceRules,
                              matcher: try NameMatcher(sourceRules.map { ($0.names, $0.patterns) }), facts: facts)
        downstream = Downstream(graph: graph, rules: operationRules,
                                matcher: try NameMatcher(operationRules.map { ($0.names, $0.patterns) }))
        flow = ArgumentFlow(graph: graph, flows: facts.flows, sources: sources, downstream: downstream, isProject: isProject)
    }

    /// What a request handler hands to a shell or to SQL by itself, model or not (`RequestDriven`): empty for entry
    /// points that receive no requests.
    public func requestDriven(_ entry: EntryPoint) -> [(operation: Int32, category: OperationCategory, via: [Int32], location: SourceLocation)] {
        guard entry.kind.receivesRequests else { return [] }
        return downstream.requestDriven(from: entry.node, categories: [.shell, .sql], frames: isProject)
    }

    /// Per node of the graph: whether it is a sensitive operation (`system`, `dlopen`, …).
    public var isOperation: [Bool] { downstream.isOperation }

    /// `producesOutput`: the sink hands back model output (inference, tokens, a prompt, an API answer), so what
    /// its callers do afterwards is downstream of the model; a model or library load has no such output.
    public func annotate(_ path: EnginePath, producesOutput: Bool = true) -> PathThreat {
        let first = path.nodes[0]
        let entry = entries[first] ?? EntryPoint(node: first, kind: path.entry)
        var reads = path.nodes.indices.map { k -> [SourceRead] in
            if k == path.nodes.count - 1 { return [] }
            if let isProject, !isProject[Int(path.nodes[k])] { return [] }
            return sources.reads(path.nodes[k])
        }
        // What an untrusted entry point receives: a handler's request, or a configured entry point's arguments.
        if entry.untrusted {
            let read: SourceRead
            switch entry.kind {
            case .httpHandler: read = SourceRead(source: "request", kind: .httpRequest, via: [])
            case .grpcMethod: read = SourceRead(source: "request", kind: .rpcRequest, via: [])
            default: read = SourceRead(source: "arguments", kind: .other, via: [])
            }
            reads[0].insert(read, at: 0)
        }
        let untrusted = reads.contains { $0.contains { $0.kind != .environment } }
        var threat = PathThreat(entry: entry, reads: reads, untrustedInput: untrusted,
                                downstream: producesOutput ? downstream.operations(on: path, frames: isProject) : [])
        if untrusted { threat.flow = flow.sinkFlow(path, entry: entry) }
        if producesOutput { threat.outputs = flow.outputFlows(path) }
        return threat
    }
}
