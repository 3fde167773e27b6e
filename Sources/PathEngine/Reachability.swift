import SinkmapCore

/// Backward searches over the compact graph: which functions can reach a sink. Sinks are terminal — a path
/// never passes through one — so a search never continues through a sink it meets on the way.
public struct Reachability {
    public let graph: CompactGraph
    public let isSink: [Bool]
    /// Per-node stamps, so each sink's slice reuses one array instead of allocating a fresh one.
    private var stamp: [UInt32]
    private var generation: UInt32 = 0
    private var queue: [Int32] = []

    public init(graph: CompactGraph, isSink: [Bool]) {
        self.graph = graph
        self.isSink = isSink
        stamp = [UInt32](repeating: 0, count: graph.nodeCount)
    }

    /// Functions that reach any sink: one multi-source search from all of them at once.
    public static func reachingAnySink(_ graph: CompactGraph, isSink: [Bool]) -> [Bool] {
        var seen = isSink
        var queue: [Int32] = []
        queue.reserveCapacity(graph.nodeCount)
        for (n, sink) in isSink.enumerated() where sink { queue.append(Int32(n)) }
        var head = 0
        graph.callerStart.withUnsafeBufferPointer { start in
            graph.callerIDs.withUnsafeBufferPointer { callers in
                seen.withUnsafeMutableBufferPointer { seen in
                    while head < queue.count {
                        let n = Int(queue[head])
                        head += 1
                        for k in start[n]..<start[n + 1] where !seen[Int(callers[k])] {
                            seen[Int(callers[k])] = true
                            queue.append(callers[k])
                        }
                    }
                }
            }
        }
        return seen
    }

    /// Functions that reach `sink` without passing through another sink (`sink` included). Valid until the
    /// next call: it returns a view over the shared stamps.
    public mutating func slice(reaching sink: Int32) -> Slice {
        generation &+= 1
        if generation == 0 {   // wrapped: old stamps could collide
            for i in stamp.indices { stamp[i] = 0 }
            generation = 1
        }
        let g = generation
        queue.removeAll(keepingCapacity: true)
        queue.append(sink)
        stamp[Int(sink)] = g
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            if n != sink && isSink[Int(n)] { continue }
            for c in graph.callers(of: n) where stamp[Int(c)] != g {
                stamp[Int(c)] = g
                queue.append(c)
            }
        }
        return Slice(stamp: stamp, generation: g, size: queue.count)
    }

    /// The functions of one sink's slice.
    public struct Slice {
        let stamp: [UInt32]
        let generation: UInt32
        public let size: Int
        public func contains(_ n: Int32) -> Bool { stamp[Int(n)] == generation }
    }
}
