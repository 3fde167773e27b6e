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

    public func run() -> [SinkPaths] {
        var out: [SinkPaths] = []
        for (i, rule) in sinks.enumerated() {
            guard let rule, !graph.callers[i].isEmpty else { continue }
            out.append(paths(to: Int32(i), rule: rule))
        }
        return out
    }

    /// Functions that reach `sink` without passing through another sink.
    func reaching(_ sink: Int32) -> [Bool] {
        var seen = [Bool](repeating: false, count: graph.functions.count)
        seen[Int(sink)] = true
        var queue = [sink]
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            if n != sink && sinks[Int(n)] != nil { continue }
            for c in graph.callers[Int(n)] where !seen[Int(c)] {
                seen[Int(c)] = true
                queue.append(c)
            }
        }
        return seen
    }

    func paths(to sink: Int32, rule: Int) -> SinkPaths {
        let inSlice = reaching(sink)
        var result = SinkPaths(sink: sink, rule: rule, paths: [], total: 0, countIsExact: true, truncatedBy: [])
        var onPath = [Bool](repeating: false, count: graph.functions.count)
        var stack: [Int32] = []
        var sites: [CallSite] = []
        var steps = 0
        var hitDepth = false
        var outOfBudget = false

        func dfs(_ node: Int32, entry: EntryKind) {
            if outOfBudget { return }
            if result.paths.count >= limits.maxPaths {
                steps += 1
                if steps > limits.countBudget { outOfBudget = true; return }
            }
            if node == sink {
                result.total += 1
                if result.paths.count < limits.maxPaths {
                    result.paths.append(EnginePath(entry: entry, nodes: stack + [node], sites: sites))
                }
                return
            }
            // Another sink ends the walk: it is reported on its own.
            if sinks[Int(node)] != nil { return }
            if stack.count >= limits.maxDepth {
                // Only a cut if a callee could still have led to the sink.
                if graph.callees[Int(node)].contains(where: { inSlice[Int($0.callee)] && !onPath[Int($0.callee)] && $0.callee != node }) {
                    hitDepth = true
                }
                return
            }
            onPath[Int(node)] = true
            stack.append(node)
            for edge in graph.callees[Int(node)] where inSlice[Int(edge.callee)] && !onPath[Int(edge.callee)] {
                sites.append(edge.sites[0])
                dfs(edge.callee, entry: entry)
                sites.removeLast()
                if outOfBudget { break }
            }
            stack.removeLast()
            onPath[Int(node)] = false
        }

        for (entry, kind) in entries where inSlice[Int(entry)] {
            dfs(entry, entry: kind)
            if outOfBudget { break }
        }
        if result.total > result.paths.count { result.truncatedBy.append("max-paths") }
        if hitDepth { result.truncatedBy.append("max-depth") }
        if outOfBudget {
            result.truncatedBy.append("count-budget")
            result.countIsExact = false
        }
        return result
    }
}
