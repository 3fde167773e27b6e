import SinkmapCore

/// The calls the gate compares whatever the path limits cut: every call that lies on a walk from an entry point
/// to a sink, and every call inside a reached sink's body that leads to a sensitive operation. Unlike paths,
/// walks continue through sinks defined in the tree, so a call added inside a sink's body (to another sink, to
/// `system`, to `dlopen`) is a new call on the slice. Found by reachability, not enumeration, so it has no limit
/// to cut it: linear in the graph's size.
///
/// A call is on the slice when its caller is reached from an entry point and its callee reaches a sink (or, for
/// a caller a reached sink reaches, an operation). That is a superset of the calls on simple paths — stricter
/// for a gate, never looser.
public enum GateSlice {
    public struct Call: Equatable, Sendable {
        public var caller: Int32
        public var callee: Int32
        /// The first site of each distinct way the call is written (kind, macro).
        public var site: CallSite
        /// An entry point reaching the caller, and the sink the callee leads to (or whose body holds the call).
        public var entry: Int32
        public var sink: Int32
    }

    public static func calls(graph: CallGraph, isSink: [Bool], isOperation: [Bool], entries: [Int32]) -> [Call] {
        let n = graph.functions.count
        let g = graph.adjacency
        let fromEntry = search(n, from: entries, next: { g.callees(of: $0) })
        let sinks = (0..<n).filter { isSink[$0] }.map(Int32.init)
        let toSink = search(n, from: sinks, next: { g.callers(of: $0) })
        let fromSink = search(n, from: sinks.filter { fromEntry[Int($0)] >= 0 }, next: { g.callees(of: $0) })
        let toOperation = search(n, from: (0..<n).filter { isOperation[$0] }.map(Int32.init), next: { g.callers(of: $0) })

        var out: [Call] = []
        for u in 0..<n where fromEntry[u] >= 0 {
            for edge in graph.callees[u] {
                let v = Int(edge.callee)
                let sink: Int32
                if toSink[v] >= 0 {
                    sink = toSink[v]
                } else if fromSink[u] >= 0 && toOperation[v] >= 0 {
                    sink = fromSink[u]
                } else {
                    continue
                }
                var seen = Set<String>()
                for site in edge.sites where seen.insert(site.kind.rawValue + "\u{0}" + (site.macro ?? "")).inserted {
                    out.append(Call(caller: Int32(u), callee: edge.callee, site: site, entry: fromEntry[u], sink: sink))
                }
            }
        }
        return out
    }

    /// Sinks no path reaches because every walk to them passes through another sink (paths end at the first
    /// sink): each with a reached sink whose body leads to it. Sinks an entry point reaches directly are left out.
    public static func reachedThroughSinks(graph: CallGraph, isSink: [Bool], entries: [Int32]) -> [Int32: Int32] {
        let n = graph.functions.count
        let g = graph.adjacency
        // Reached without passing through a sink: the search does not expand sinks.
        let direct = search(n, from: entries, next: { isSink[Int($0)] ? g.callees(of: $0).prefix(0) : g.callees(of: $0) })
        let reachedSinks = (0..<n).filter { isSink[$0] && direct[$0] >= 0 }.map(Int32.init)
        let inner = search(n, from: reachedSinks, next: { g.callees(of: $0) })
        var out: [Int32: Int32] = [:]
        for s in 0..<n where isSink[s] && direct[s] < 0 && inner[s] >= 0 { out[Int32(s)] = inner[s] }
        return out
    }

    /// Breadth-first from `starts` (in order); each node records the start that reached it first, or -1.
    private static func search<S: Sequence>(_ n: Int, from starts: [Int32], next: (Int32) -> S) -> [Int32]
    where S.Element == Int32 {
        var origin = [Int32](repeating: -1, count: n)
        var queue: [Int32] = []
        for s in starts where origin[Int(s)] < 0 {
            origin[Int(s)] = s
            queue.append(s)
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for m in next(node) where origin[Int(m)] < 0 {
                origin[Int(m)] = origin[Int(node)]
                queue.append(m)
            }
        }
        return origin
    }
}
