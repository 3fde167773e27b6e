import SinkmapCore

/// The strongly connected components of the part of a graph reachable from `roots`, found by Tarjan's
/// algorithm with an explicit stack — graphs have a million nodes and call chains thousands deep, far past
/// what recursion on a thread stack survives.
///
/// Only nodes with `active[n]` are visited, and a node with `terminal[n]` has no outgoing edges (sinks end
/// paths). Components come out in reverse topological order: every component is emitted after all the
/// components it reaches, so walking them from last to first visits callers before callees.
public struct Condensation {
    /// Component per node; -1 for nodes not visited.
    public let component: [Int32]
    /// Members of component `c` are `members[memberStart[c]..<memberStart[c + 1]]`.
    public let memberStart: [Int32]
    public let members: [Int32]

    public var componentCount: Int { memberStart.count - 1 }

    public func size(of c: Int) -> Int { Int(memberStart[c + 1] - memberStart[c]) }

    public init(_ graph: CompactGraph, active: [Bool], terminal: [Bool], roots: [Int32]) {
        let n = graph.nodeCount
        var component = [Int32](repeating: -1, count: n)
        var memberStart = [Int32](repeating: 0, count: n + 1)
        var members = [Int32](repeating: 0, count: n)
        var componentCount = 0
        var memberCount = 0
        // Plain buffers: this loop runs once per edge and must not pay for array growth or exclusivity checks.
        // Discovery index: -1 unvisited; Int32.max once in a finished component or never to be visited, so
        // each edge costs one look-up.
        let order = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let low = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let sccStack = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let callNodes = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let callCursor = UnsafeMutablePointer<Int>.allocate(capacity: n)
        defer { order.deallocate(); low.deallocate(); sccStack.deallocate(); callNodes.deallocate(); callCursor.deallocate() }
        for i in 0..<n { order[i] = active[i] ? -1 : Int32.max }
        var counter: Int32 = 0, sccTop = 0, callTop = 0

        graph.calleeStart.withUnsafeBufferPointer { start in
        graph.calleeIDs.withUnsafeBufferPointer { callees in
        terminal.withUnsafeBufferPointer { terminal in
        component.withUnsafeMutableBufferPointer { component in
        memberStart.withUnsafeMutableBufferPointer { memberStart in
        members.withUnsafeMutableBufferPointer { members in
            for root in roots where order[Int(root)] < 0 {
                var v = Int(root)
                // Discover v.
                order[v] = counter; low[v] = counter; counter += 1
                sccStack[sccTop] = Int32(v); sccTop += 1
                callNodes[callTop] = Int32(v); callCursor[callTop] = terminal[v] ? start[v + 1] : start[v]; callTop += 1
                while callTop > 0 {
                    v = Int(callNodes[callTop - 1])
                    var k = callCursor[callTop - 1]
                    let end = start[v + 1]
                    var next = -1
                    while k < end {
                        let w = Int(callees[k])
                        k += 1
                        let o = order[w]
                        if o < 0 { next = w; break }
                        // Still on the Tarjan stack (part of the component being built) unless Int32.max.
                        if o < low[v] { low[v] = o }
                    }
                    if next >= 0 {
                        callCursor[callTop - 1] = k
                        let w = next
                        order[w] = counter; low[w] = counter; counter += 1
                        sccStack[sccTop] = Int32(w); sccTop += 1
                        callNodes[callTop] = Int32(w); callCursor[callTop] = terminal[w] ? start[w + 1] : start[w]; callTop += 1
                        continue
                    }
                    callTop -= 1
                    if low[v] == order[v] {   // v roots a component: pop it
                        repeat {
                            sccTop -= 1
                            let w = Int(sccStack[sccTop])
                            component[w] = Int32(componentCount)
                            order[w] = Int32.max
                            members[memberCount] = Int32(w)
                            memberCount += 1
                            if w == v { break }
                        } while true
                        componentCount += 1
                        memberStart[componentCount] = Int32(memberCount)
                    }
                    if callTop > 0 {
                        let u = Int(callNodes[callTop - 1])
                        if low[v] < low[u] { low[u] = low[v] }
                    }
                }
            }
        }}}}}}
        memberStart.removeLast(n - componentCount)
        members.removeLast(n - memberCount)
        self.component = component
        self.memberStart = memberStart
        self.members = members
    }
}
