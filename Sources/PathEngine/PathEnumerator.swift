import SinkmapCore

/// One path: entry point first, sink last. `sites[k]` is the call from `nodes[k]` to `nodes[k+1]`.
public struct EnginePath: Sendable, Equatable {
    public var entry: EntryKind
    public var nodes: [Int32]
    public var sites: [CallSite]
}

/// All paths found to one sink function.
public struct SinkPaths: Sendable {
    public var sink: Int32
    public var rule: Int
    public var paths: [EnginePath]
    /// Every path counted, listed or not. A lower bound when `countIsExact` is false.
    public var total: Int
    public var countIsExact: Bool
    /// Which limits cut the set: "max-paths", "max-depth", "count-budget".
    public var truncatedBy: [String]
}

/// Enumerates every simple path from each entry point to each sink. It searches backwards from the sink first
/// so the forward walk only visits functions that can reach it. Sinks are terminal: a path never passes
/// through another sink, so a report shows the outermost ML call on each path.
///
/// Counting comes first, for all sinks in one pass (`PathCounter`). Where that count is exact the walk stops
/// once the listing is full; elsewhere (a cycle on the way, paths past the depth limit) the walk goes on
/// counting within `countBudget` steps, and if the budget runs out the larger of its count and the counter's
/// lower bound is reported.
public struct PathEnumerator {
    public let graph: CallGraph
    public let sinks: [Int?]
    public let entries: [(node: Int32, kind: EntryKind)]
    public let limits: PathLimits

    public init(graph: CallGraph, sinks: [Int?], entries: [(node: Int32, kind: EntryKind)], limits: PathLimits) {
        self.graph = graph
        self.sinks = sinks
        self.entries = entries
        self.limits = limits
    }

    /// A cap never hides an entry point: when the listing was cut, every entry point that reaches the sink within
    /// the depth limit but has no listed path gets its shortest path (a search backwards from the sink; among
    /// equally short ones, the callees with the lowest node ids), listed beyond `maxPaths`.
    func addWitnesses(to result: inout SinkPaths, in slice: Reachability.Slice) {
        let listed = Set(result.paths.map { $0.nodes[0] })
        let missing = entries.filter { slice.contains($0.node) && !listed.contains($0.node) }
        guard !missing.isEmpty else { return }
        let sink = result.sink
        var distance = [Int32](repeating: -1, count: graph.functions.count)
        distance[Int(sink)] = 0
        var queue: [Int32] = [sink]
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            guard distance[Int(n)] < limits.maxDepth else { continue }
            for c in graph.callers[Int(n)] where distance[Int(c)] < 0 && slice.contains(c) && sinks[Int(c)] == nil {
                distance[Int(c)] = distance[Int(n)] + 1
                queue.append(c)
            }
        }
        for (entry, kind) in missing where distance[Int(entry)] > 0 {
            var nodes: [Int32] = [entry]
            var sites: [CallSite] = []
            var node = entry
            while node != sink {
                guard let edge = graph.callees[Int(node)].first(where: { distance[Int($0.callee)] == distance[Int(node)] - 1 }) else { break }
                sites.append(edge.sites[0])
                nodes.append(edge.callee)
                node = edge.callee
            }
            if node == sink { result.paths.append(EnginePath(entry: kind, nodes: nodes, sites: sites)) }
        }
    }

    public func run() -> [SinkPaths] {
        let isSink = sinks.map { $0 != nil }
        let counter = PathCounter(graph: graph.adjacency, isSink: isSink, entries: entries.map(\.node))
        var reachability = Reachability(graph: graph.adjacency, isSink: isSink)
        var walk = Walk(graph: graph, isSink: isSink, entries: entries, limits: limits)
        var out: [SinkPaths] = []
        for (i, rule) in sinks.enumerated() {
            guard let rule, !graph.callers[i].isEmpty else { continue }
            let sink = Int32(i)
            let slice = reachability.slice(reaching: sink)
            let counted = counter.paths(to: sink)
            let exact = counter.isExact(sink, maxDepth: limits.maxDepth)
            var result = walk.paths(to: sink, rule: rule, in: slice, knownTotal: exact ? Int(counted) : nil)
            if result.truncatedBy.contains("count-budget") { result.total = max(result.total, Int(counted)) }
            if !result.truncatedBy.isEmpty { addWitnesses(to: &result, in: slice) }
            out.append(result)
        }
        return out
    }
}
