import SinkmapCore

extension PathEnumerator {
    /// The forward depth-first walk that lists (and, when asked, counts) simple paths to one sink inside its
    /// slice. An explicit stack rather than recursion, so `--max-depth` can be large. The buffers are reused
    /// from one sink to the next.
    struct Walk {
        let graph: CallGraph
        let isSink: [Bool]
        let entries: [(node: Int32, kind: EntryKind)]
        let limits: PathLimits
        private var onPath: [Bool]
        private var stack: [Int32] = []
        private var cursor: [Int] = []
        private var sites: [CallSite] = []

        init(graph: CallGraph, isSink: [Bool], entries: [(node: Int32, kind: EntryKind)], limits: PathLimits) {
            self.graph = graph
            self.isSink = isSink
            self.entries = entries
            self.limits = limits
            onPath = [Bool](repeating: false, count: graph.functions.count)
        }

        /// Lists up to `maxPaths` paths. With `knownTotal` (an exact count from `PathCounter`) it stops there;
        /// without, it counts on for at most `countBudget` more steps.
        mutating func paths(to sink: Int32, rule: Int, in slice: Reachability.Slice, knownTotal: Int?) -> SinkPaths {
            var result = SinkPaths(sink: sink, rule: rule, paths: [], total: 0, countIsExact: true, truncatedBy: [])
            let g = graph.adjacency
            var steps = 0
            var hitDepth = false
            var stop = false          // listing full and the total already known
            var outOfBudget = false

            /// The checks on arriving at `node`; true when its callees are to be walked (it was pushed).
            func arrive(_ node: Int32, entry: EntryKind) -> Bool {
                if result.paths.count >= limits.maxPaths {
                    if knownTotal != nil { stop = true; return false }
                    steps += 1
                    if steps > limits.countBudget { outOfBudget = true; return false }
                }
                if node == sink {
                    result.total += 1
                    if result.paths.count < limits.maxPaths {
                        result.paths.append(EnginePath(entry: entry, nodes: stack + [node], sites: sites))
                    }
                    return false
                }
                // Another sink ends the walk: it is reported on its own.
                if isSink[Int(node)] { return false }
                if stack.count >= limits.maxDepth {
                    // Only a cut if a callee could still have led to the sink.
                    if g.callees(of: node).contains(where: { slice.contains($0) && !onPath[Int($0)] && $0 != node }) {
                        hitDepth = true
                    }
                    return false
                }
                onPath[Int(node)] = true
                stack.append(node)
                cursor.append(g.calleeStart[Int(node)])
                return true
            }

            for (entry, kind) in entries where slice.contains(entry) {
                guard arrive(entry, entry: kind) else {
                    if stop || outOfBudget { break }
                    continue
                }
                while let node = stack.last {
                    let end = g.calleeStart[Int(node) + 1]
                    var k = cursor[cursor.count - 1]
                    while k < end && !(slice.contains(g.calleeIDs[k]) && !onPath[Int(g.calleeIDs[k])]) { k += 1 }
                    if k == end || stop || outOfBudget {
                        stack.removeLast()
                        cursor.removeLast()
                        onPath[Int(node)] = false
                        if !stack.isEmpty { sites.removeLast() }
                        continue
                    }
                    cursor[cursor.count - 1] = k + 1
                    // Row k of the compact graph is edge (k - start) of the node's adjacency list.
                    sites.append(graph.callees[Int(node)][k - g.calleeStart[Int(node)]].sites[0])
                    if !arrive(g.calleeIDs[k], entry: kind) { sites.removeLast() }
                }
                if stop || outOfBudget { break }
            }
            if let knownTotal { result.total = knownTotal }
            if result.total > result.paths.count { result.truncatedBy.append("max-paths") }
            if hitDepth { result.truncatedBy.append("max-depth") }
            if outOfBudget {
                result.truncatedBy.append("count-budget")
                result.countIsExact = false
            }
            return result
        }
    }
}
