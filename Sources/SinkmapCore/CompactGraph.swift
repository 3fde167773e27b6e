/// The call graph's shape alone, in compressed sparse rows: for node `n`, its callees are
/// `calleeIDs[calleeStart[n]..<calleeStart[n + 1]]` (sorted, no duplicates) and its callers
/// `callerIDs[callerStart[n]..<callerStart[n + 1]]` (sorted). Four flat arrays instead of an array per node, so a
/// graph of a million functions and five million calls takes about 50 MB and the engine walks it without
/// touching the heap.
public struct CompactGraph: Sendable {
    public let nodeCount: Int
    public let calleeStart: [Int]
    public let calleeIDs: [Int32]
    public let callerStart: [Int]
    public let callerIDs: [Int32]

    public var edgeCount: Int { calleeIDs.count }

    /// From the call graph's adjacency lists (already sorted by callee, one edge per callee). The callee at
    /// position `calleeStart[n] + k` is `callees[n][k]`, so call sites are found by the same offset.
    public init(callees: [[CallEdge]]) {
        nodeCount = callees.count
        var start = [Int](repeating: 0, count: nodeCount + 1)
        var ids: [Int32] = []
        ids.reserveCapacity(callees.reduce(0) { $0 + $1.count })
        for (n, edges) in callees.enumerated() {
            for e in edges { ids.append(e.callee) }
            start[n + 1] = ids.count
        }
        calleeStart = start
        calleeIDs = ids
        (callerStart, callerIDs) = Self.transpose(nodeCount: nodeCount, start: start, ids: ids)
    }

    /// From parallel arrays of edges `from[i] → to[i]` in any order; duplicates are dropped.
    public init(nodeCount: Int, from: [Int32], to: [Int32]) {
        precondition(from.count == to.count, "every edge needs both ends")
        self.nodeCount = nodeCount
        // Counting sort by caller, then sort and de-duplicate each row.
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for f in from { start[Int(f) + 1] += 1 }
        for n in 0..<nodeCount { start[n + 1] += start[n] }
        var ids = [Int32](repeating: 0, count: from.count)
        var fill = start
        for i in from.indices {
            let f = Int(from[i])
            ids[fill[f]] = to[i]
            fill[f] += 1
        }
        var write = 0
        ids.withUnsafeMutableBufferPointer { buf in
            var rowStart = 0
            for n in 0..<nodeCount {
                let end = start[n + 1]
                var row = UnsafeMutableBufferPointer(rebasing: buf[rowStart..<end])
                row.sort()
                start[n] = write
                var last: Int32 = -1
                for k in rowStart..<end where buf[k] != last {
                    last = buf[k]
                    buf[write] = last
                    write += 1
                }
                rowStart = end
            }
        }
        start[nodeCount] = write
        ids.removeLast(ids.count - write)
        calleeStart = start
        calleeIDs = ids
        (callerStart, callerIDs) = Self.transpose(nodeCount: nodeCount, start: start, ids: ids)
    }

    /// Callers per node, each row sorted because rows are filled in caller order.
    private static func transpose(nodeCount: Int, start: [Int], ids: [Int32]) -> ([Int], [Int32]) {
        var rStart = [Int](repeating: 0, count: nodeCount + 1)
        for t in ids { rStart[Int(t) + 1] += 1 }
        for n in 0..<nodeCount { rStart[n + 1] += rStart[n] }
        var rIDs = [Int32](repeating: 0, count: ids.count)
        var fill = rStart
        rIDs.withUnsafeMutableBufferPointer { out in
            ids.withUnsafeBufferPointer { ids in
                for n in 0..<nodeCount {
                    for k in start[n]..<start[n + 1] {
                        let t = Int(ids[k])
                        out[fill[t]] = Int32(n)
                        fill[t] += 1
                    }
                }
            }
        }
        return (rStart, rIDs)
    }

    public func callees(of n: Int32) -> ArraySlice<Int32> { calleeIDs[calleeStart[Int(n)]..<calleeStart[Int(n) + 1]] }
    public func callers(of n: Int32) -> ArraySlice<Int32> { callerIDs[callerStart[Int(n)]..<callerStart[Int(n) + 1]] }
}
