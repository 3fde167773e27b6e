import XCTest
@testable import PathEngine
@testable import SinkmapCore

/// Path counting without listing (`PathCounter`, over `Condensation` and `Reachability`), checked against counts
/// worked out by hand and against the enumerating walk on random graphs.
final class PathCounterTests: XCTestCase {
    typealias Spec = PathEngineTests.Spec

    /// A compact graph from `a→b` pairs over nodes 0..<n.
    static func graph(_ n: Int, _ edges: [(Int32, Int32)]) -> CompactGraph {
        CompactGraph(nodeCount: n, from: edges.map(\.0), to: edges.map(\.1))
    }

    static func sinks(_ n: Int, _ ids: [Int32]) -> [Bool] {
        var s = [Bool](repeating: false, count: n)
        for i in ids { s[Int(i)] = true }
        return s
    }

    static func dump(_ g: CompactGraph) -> String {
        (0..<Int32(g.nodeCount)).map { "\($0) -> \(Array(g.callees(of: $0)))" }.joined(separator: "\n")
    }

    // MARK: - Compact graph

    func testCompactGraphSortsDeduplicatesAndTransposes() {
        let g = Self.graph(4, [(2, 1), (0, 3), (0, 1), (0, 3), (3, 1), (2, 2)])
        XCTAssertEqual(g.edgeCount, 5, Self.dump(g))
        XCTAssertEqual(Array(g.callees(of: 0)), [1, 3])
        XCTAssertEqual(Array(g.callees(of: 1)), [])
        XCTAssertEqual(Array(g.callees(of: 2)), [1, 2])
        XCTAssertEqual(Array(g.callers(of: 1)), [0, 2, 3])
        XCTAssertEqual(Array(g.callers(of: 2)), [2])
        XCTAssertEqual(Array(g.callers(of: 3)), [0])
    }

    func testCallGraphAdjacencyMatchesItsLists() throws {
        var s = Spec()
        s.fn("main"); s.fn("a"); s.fn("b"); s.decl("sink")
        s.call("main", "b"); s.call("main", "a"); s.call("a", "sink"); s.call("b", "a"); s.call("b", "a")
        let graph = s.build()
        for n in graph.functions.indices {
            XCTAssertEqual(Array(graph.adjacency.callees(of: Int32(n))), graph.callees[n].map(\.callee))
            XCTAssertEqual(Array(graph.adjacency.callers(of: Int32(n))), graph.callers[n])
        }
    }

    // MARK: - Exact counts on acyclic graphs

    func testDiamondChainCountsDoubleEachLayer() {
        // 0 → {1,2} → 3 → {4,5} → 6 → … : 2^k paths through k diamonds.
        var edges: [(Int32, Int32)] = []
        let k = 10
        for d in 0..<k {
            let top = Int32(3 * d)
            edges += [(top, top + 1), (top, top + 2), (top + 1, top + 3), (top + 2, top + 3)]
        }
        let n = 3 * k + 1
        let sink = Int32(n - 1)
        let g = Self.graph(n, edges)
        let c = PathCounter(graph: g, isSink: Self.sinks(n, [sink]), entries: [0])
        XCTAssertEqual(c.paths(to: sink), 1 << k, Self.dump(g))
        XCTAssertTrue(c.isExact(sink, maxDepth: 2 * k), Self.dump(g))
        XCTAssertFalse(c.isExact(sink, maxDepth: 2 * k - 1), "the longest path has \(2 * k) calls")
        XCTAssertEqual(c.paths(to: 6), 1 << 2, "two diamonds before node 6")
    }

    func testEveryEntryStartsItsOwnPaths() {
        // Entries 0 and 1; 0 also calls 1. Paths: 0→2→s, 0→1→2→s, 1→2→s.
        let g = Self.graph(4, [(0, 2), (0, 1), (1, 2), (2, 3)])
        let c = PathCounter(graph: g, isSink: Self.sinks(4, [3]), entries: [0, 1])
        XCTAssertEqual(c.paths(to: 3), 3, Self.dump(g))
        XCTAssertTrue(c.isExact(3, maxDepth: 64))
    }

    func testSinksAreTerminalAndUnreachedSinksCountZero() {
        // 0 → s1 → s2, 0 → 2 → s2; s3 is called by nothing reachable.
        let g = Self.graph(6, [(0, 1), (1, 3), (0, 2), (2, 3), (4, 5)])
        let c = PathCounter(graph: g, isSink: Self.sinks(6, [1, 3, 5]), entries: [0])
        XCTAssertEqual(c.paths(to: 1), 1)
        XCTAssertEqual(c.paths(to: 3), 1, "no path passes through the sink 1\n" + Self.dump(g))
        XCTAssertEqual(c.paths(to: 5), 0)
        XCTAssertTrue(c.isExact(5, maxDepth: 64))
        XCTAssertEqual(c.reachesSink, [true, true, true, true, true, true])
    }

    func testSelfCallsAreNotCycles() {
        let g = Self.graph(3, [(0, 0), (0, 1), (1, 1), (1, 2)])
        let c = PathCounter(graph: g, isSink: Self.sinks(3, [2]), entries: [0])
        XCTAssertEqual(c.paths(to: 2), 1)
        XCTAssertTrue(c.isExact(2, maxDepth: 64))
    }

    // MARK: - Saturation

    func testCountSaturatesAtTheCeiling() {
        // 70 layers of two nodes, each calling both nodes of the next: 2^70 paths.
        let layers = 70
        var edges: [(Int32, Int32)] = [(0, 1), (0, 2)]
        for l in 0..<(layers - 1) {
            let a = Int32(1 + 2 * l)
            edges += [(a, a + 2), (a, a + 3), (a + 1, a + 2), (a + 1, a + 3)]
        }
        let sink = Int32(1 + 2 * layers)
        edges += [(sink - 2, sink), (sink - 1, sink)]
        let n = Int(sink) + 1
        let g = Self.graph(n, edges)
        let c = PathCounter(graph: g, isSink: Self.sinks(n, [sink]), entries: [0])
        XCTAssertEqual(c.paths(to: sink), PathCounter.ceiling)
        XCTAssertFalse(c.isExact(sink, maxDepth: 1000), "a saturated count is a lower bound")
        // Below the ceiling the count is still exact: 2^40 paths reach layer 40.
        XCTAssertEqual(c.paths(to: Int32(1 + 2 * 39)), 1 << 39)
        XCTAssertTrue(c.isExact(Int32(1 + 2 * 39), maxDepth: 1000))
    }

    func testSaturatedCountReachesTheReportAsALowerBound() throws {
        // 60 chained diamonds (2^60 paths, 120 calls); the walk's budget runs out first.
        var s = Spec()
        s.fn("main"); s.decl("sink")
        var top = "main"
        for d in 0..<60 {
            let l = String(format: "d%02dl", d), r = String(format: "d%02dr", d), j = String(format: "d%02dj", d)
            s.fn(l); s.fn(r); s.fn(j)
            s.call(top, l); s.call(top, r); s.call(l, j); s.call(r, j)
            top = j
        }
        s.call(top, "sink")
        let r = try PathEngineTests.run(s, limits: PathLimits(maxPaths: 5, maxDepth: 500, countBudget: 10_000))
        let result = try XCTUnwrap(r.result("sink"))
        XCTAssertEqual(result.total, Int(PathCounter.ceiling))
        XCTAssertEqual(result.paths.count, 5)
        XCTAssertFalse(result.countIsExact)
        XCTAssertEqual(result.truncatedBy, ["max-paths", "count-budget"])
    }

    // MARK: - Cycles

    func testCycleCountsEachWayInAndOutOnce() {
        // 0 → {1,2}, 1 ⇄ 2, {1,2} → 3. Simple paths: 0-1-3, 0-1-2-3, 0-2-3, 0-2-1-3 (4); the component
        // {1,2} has 2 ways in and 2 ways out: 4, exact here but not known to be.
        let g = Self.graph(4, [(0, 1), (0, 2), (1, 2), (2, 1), (1, 3), (2, 3)])
        let c = PathCounter(graph: g, isSink: Self.sinks(4, [3]), entries: [0])
        XCTAssertEqual(c.paths(to: 3), 4, Self.dump(g))
        XCTAssertFalse(c.isExact(3, maxDepth: 64), "a cycle on the way makes the count a lower bound")
    }

    func testCycleCountIsALowerBound() throws {
        // Clique of 12: about 1.3e9 simple paths; in and out of the component: 12 × 12.
        let r = try PathEngineTests.run(PathEngineTests.clique(12),
                                        limits: PathLimits(maxPaths: 10, maxDepth: 64, countBudget: 1000))
        let result = try XCTUnwrap(r.result("sink"))
        XCTAssertFalse(result.countIsExact)
        XCTAssertGreaterThanOrEqual(result.total, 144, r.dot)
    }

    func testCycleAwayFromTheSinkKeepsItsCountExact() {
        // 0 → 1 → s, and 0 → 2 ⇄ 3 (a cycle that reaches no sink): exact.
        let g = Self.graph(5, [(0, 1), (1, 4), (0, 2), (2, 3), (3, 2)])
        let c = PathCounter(graph: g, isSink: Self.sinks(5, [4]), entries: [0])
        XCTAssertEqual(c.paths(to: 4), 1)
        XCTAssertTrue(c.isExact(4, maxDepth: 64))
        XCTAssertEqual(c.reachesSink, [true, true, false, false, true])
    }

    func testDeepCycleNeedsNoRecursion() {
        // A ring of 300,000 functions: far deeper than any thread stack would allow recursively.
        let n = 300_000
        var edges = (0..<Int32(n - 1)).map { ($0, $0 + 1) }
        edges.append((Int32(n - 2), 0))
        let g = Self.graph(n, edges)
        let sccs = Condensation(g, active: [Bool](repeating: true, count: n), terminal: Self.sinks(n, [Int32(n - 1)]),
                                roots: [0])
        XCTAssertEqual(sccs.componentCount, 2)
        XCTAssertEqual(sccs.size(of: 0), 1, "the sink is emitted first (reverse topological order)")
        XCTAssertEqual(sccs.size(of: 1), n - 1)
        let c = PathCounter(graph: g, isSink: Self.sinks(n, [Int32(n - 1)]), entries: [0])
        XCTAssertEqual(c.paths(to: Int32(n - 1)), 1)
    }

    // MARK: - Against the walk

    /// Random graphs with many paths: on acyclic ones the counter equals the walk's exact count, and the
    /// enumerator trusts it (no budget needed); on cyclic ones it never exceeds it.
    func testCounterAgreesWithTheWalkOnRandomGraphs() throws {
        var rng = SeededGenerator(seed: 7)
        for round in 0..<60 {
            let cyclic = round % 3 == 2
            let n = Int.random(in: 4...14, using: &rng)
            var s = Spec()
            s.fn("main"); s.decl("sink")
            let names = (0..<n).map { String(format: "f%02d", $0) }
            for f in names { s.fn(f) }
            for (i, f) in names.enumerated() {
                if i < 2 || Bool.random(using: &rng) { s.call("main", f) }
                if Int.random(in: 0..<3, using: &rng) == 0 { s.call(f, "sink") }
                for (j, g) in names.enumerated() where j > i && Int.random(in: 0..<3, using: &rng) == 0 { s.call(f, g) }
                if cyclic, i > 0, Int.random(in: 0..<4, using: &rng) == 0 { s.call(f, names[Int.random(in: 0..<i, using: &rng)]) }
            }
            s.call(names[n - 1], "sink")
            let full = try PathEngineTests.run(s, limits: PathLimits(maxPaths: 1_000_000, maxDepth: 64, countBudget: 1_000_000))
            let walked = try XCTUnwrap(full.result("sink"), full.dot)
            XCTAssertTrue(walked.countIsExact)
            let isSink = full.sinks.map { $0 != nil }
            let counter = PathCounter(graph: full.graph.adjacency, isSink: isSink, entries: full.entries.map(\.node))
            let sink = walked.sink
            if counter.isExact(sink, maxDepth: 64) {
                XCTAssertEqual(Int(counter.paths(to: sink)), walked.total, "round \(round)\n" + full.dot)
                // The enumerator then lists only what it shows and still reports the exact total.
                let short = try PathEngineTests.run(s, limits: PathLimits(maxPaths: 2, maxDepth: 64, countBudget: 0))
                let listed = try XCTUnwrap(short.result("sink"))
                XCTAssertEqual(listed.total, walked.total, "round \(round)\n" + full.dot)
                XCTAssertTrue(listed.countIsExact)
                XCTAssertEqual(Array(listed.paths.prefix(2)), Array(walked.paths.prefix(2)))
                // Past the cap, only the shortest path of each entry point the first two did not start from.
                let extra = listed.paths.dropFirst(2)
                XCTAssertEqual(extra.count, Set(extra.map { $0.nodes[0] }).count, "round \(round)")
                XCTAssertTrue(extra.allSatisfy { e in !listed.paths.prefix(2).contains { $0.nodes[0] == e.nodes[0] } && walked.paths.contains(e) },
                              "round \(round)\n" + full.dot)
            } else {
                XCTAssertTrue(cyclic, "only cycles make an uncapped count inexact here\n" + full.dot)
                XCTAssertLessThanOrEqual(Int(counter.paths(to: sink)), walked.total, "round \(round)\n" + full.dot)
            }
        }
    }
}
