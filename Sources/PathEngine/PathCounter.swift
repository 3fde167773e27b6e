import SinkmapCore

/// Counts the paths from the entry points to every sink at once, without listing them: one search backwards
/// from all sinks, the strongly connected components of what it found, then one pass over those components
/// in topological order that adds up, for each function, the paths arriving at it. A sink's count is the sum
/// arriving at the sink. Linear in the graph, whatever the number of sinks.
///
/// Inside a cycle the number of simple paths has no cheap formula, so each component counts as one step: a
/// path enters it by one call and leaves it by another, and every such pair is at least one simple path
/// (a component is strongly connected). The count is therefore exact when no cycle lies on the way to the sink
/// (and no path is longer than the depth limit), and a lower bound otherwise.
public struct PathCounter {
    /// Counts stop growing here: 2^53 − 1, the largest integer every JSON reader keeps exactly, and small
    /// enough that adding up a few hundred saturated counts still fits in an `Int`.
    public static let ceiling: UInt64 = (1 << 53) - 1

    /// Functions that reach at least one sink without passing through another.
    public let reachesSink: [Bool]
    private let component: [Int32]
    private let tally: [Tally]

    /// What reaches one component, kept together so each call across components touches one cache line.
    private struct Tally {
        /// Paths from the entry points, saturating at `ceiling`.
        var count: UInt64 = 0
        /// Calls on the longest path from an entry point; -1 until reached.
        var longest: Int32 = -1
        /// A cycle lies on some path here (or this component is one).
        var cyclic = false
    }

    public init(graph: CompactGraph, isSink: [Bool], entries: [Int32]) {
        let reaches = Reachability.reachingAnySink(graph, isSink: isSink)
        let sccs = Condensation(graph, active: reaches, terminal: isSink, roots: entries)
        let c = sccs.componentCount
        var tally = (0..<c).map { Tally(cyclic: sccs.size(of: $0) > 1) }
        for e in entries where sccs.component[Int(e)] >= 0 {
            let k = Int(sccs.component[Int(e)])
            tally[k].count = min(tally[k].count + 1, Self.ceiling)
            tally[k].longest = max(tally[k].longest, 0)
        }
        let ceiling = Self.ceiling
        graph.calleeStart.withUnsafeBufferPointer { start in
        graph.calleeIDs.withUnsafeBufferPointer { callees in
        sccs.component.withUnsafeBufferPointer { component in
        sccs.memberStart.withUnsafeBufferPointer { memberStart in
        sccs.members.withUnsafeBufferPointer { members in
        isSink.withUnsafeBufferPointer { isSink in
        tally.withUnsafeMutableBufferPointer { tally in
            // Components were emitted callees first; walk them callers first.
            for k in stride(from: c - 1, through: 0, by: -1) {
                let here = tally[k]
                let depth = here.longest + 1
                for m in Int(memberStart[k])..<Int(memberStart[k + 1]) {
                    let v = Int(members[m])
                    if isSink[v] { continue }
                    for e in start[v]..<start[v + 1] {
                        let w = Int(component[Int(callees[e])])
                        // Unvisited (reaches no sink) or inside the same component.
                        if w < 0 || w == k { continue }
                        tally[w].count = min(tally[w].count + here.count, ceiling)
                        if depth > tally[w].longest { tally[w].longest = depth }
                        if here.cyclic { tally[w].cyclic = true }
                    }
                }
            }
        }}}}}}}
        reachesSink = reaches
        component = sccs.component
        self.tally = tally
    }

    /// Paths from any entry point to `sink`, at most `ceiling`: exact or a lower bound (see `isExact`).
    public func paths(to sink: Int32) -> UInt64 {
        let k = component[Int(sink)]
        return k < 0 ? 0 : tally[Int(k)].count
    }

    /// Whether `paths(to:)` is the exact number of simple paths of at most `maxDepth` calls: no cycle on the
    /// way, no path longer than the limit, and not saturated.
    public func isExact(_ sink: Int32, maxDepth: Int) -> Bool {
        let k = component[Int(sink)]
        guard k >= 0 else { return true }
        let t = tally[Int(k)]
        return !t.cyclic && Int(t.longest) <= maxDepth && t.count < Self.ceiling
    }
}
