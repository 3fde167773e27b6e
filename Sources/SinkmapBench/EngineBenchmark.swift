import Foundation
import PathEngine
import SinkmapCore

/// The path engine alone on a generated call graph: `functions` nodes, exactly `calls` distinct edges.
/// Callers mostly call nearby functions further down (modules), some call far away, 1 % call back up
/// (recursion, callbacks — the cycles), and 0.5 % of calls go to one of `sinks` library functions.
struct EngineBenchmark {
    var functions = 1_000_000
    var calls = 5_000_000
    var sinks = 100
    var seed: UInt64 = 1

    struct Result {
        var buildSeconds: Double
        /// Reachability (one backward search from every sink) + condensation + counts for every sink.
        var engineSeconds: Double
        /// The same on this thread's CPU clock: what the machine's other load does not inflate.
        var engineCPUSeconds: Double
        /// Peak resident growth of this process over the whole figure (graph included), bytes.
        var peakGrowth: Int
        var reached: Int
        var entries: Int
        var sinksReached: Int
        var saturated: Int
    }

    func run() -> Result {
        let baseline = Subprocess.rss(getpid())
        var started = Subprocess.monotonic()
        let graph = generate()
        var isSink = [Bool](repeating: false, count: functions)
        for s in (functions - sinks)..<functions { isSink[s] = true }
        // Entry points as EntryPoints finds roots: functions nothing calls (the generator's first is `main`).
        var entries: [Int32] = []
        for n in 0..<Int32(functions) where !isSink[Int(n)] && graph.callers(of: n).allSatisfy({ $0 == n }) {
            entries.append(n)
        }
        let buildSeconds = Subprocess.monotonic() - started

        started = Subprocess.monotonic()
        let cpuStarted = Subprocess.threadCPU()
        let counter = PathCounter(graph: graph, isSink: isSink, entries: entries)
        let engineSeconds = Subprocess.monotonic() - started
        let engineCPUSeconds = Subprocess.threadCPU() - cpuStarted

        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let sinkIDs = (functions - sinks)..<functions
        return Result(buildSeconds: buildSeconds, engineSeconds: engineSeconds, engineCPUSeconds: engineCPUSeconds,
                      peakGrowth: max(0, Int(usage.ru_maxrss) * 1024 - baseline),
                      reached: counter.reachesSink.lazy.filter { $0 }.count, entries: entries.count,
                      sinksReached: sinkIDs.filter { counter.paths(to: Int32($0)) > 0 }.count,
                      saturated: sinkIDs.filter { counter.paths(to: Int32($0)) == PathCounter.ceiling }.count)
    }

    /// Rows of distinct callees; degrees 8, 3, 4 in turn (mean 5) plus one extra on random rows to hit `calls`.
    func generate() -> CompactGraph {
        var rng = SplitMix(seed: seed)
        let callers = functions - sinks
        var degree = (0..<callers).map { [8, 3, 4][$0 % 3] }
        var total = degree.reduce(0, +)
        while total < calls { degree[Int(rng.next() % UInt64(callers))] += 1; total += 1 }
        while total > calls {
            let i = Int(rng.next() % UInt64(callers))
            if degree[i] > 0 { degree[i] -= 1; total -= 1 }
        }
        var from = [Int32](), to = [Int32]()
        from.reserveCapacity(calls); to.reserveCapacity(calls)
        var row: [Int32] = []
        for i in 0..<callers {
            row.removeAll(keepingCapacity: true)
            while row.count < degree[i] {
                let r = rng.next() % 1000
                let t: Int
                switch r {
                case 0..<5: t = callers + Int(rng.next() % UInt64(sinks))                 // a sink
                case 5..<15: t = i > 0 ? Int(rng.next() % UInt64(i)) : 1                   // back up: cycles
                case 15..<115: t = i + 1 + Int(rng.next() % UInt64(max(callers - i - 1, 1)))   // far down
                default: t = i + 1 + Int(rng.next() % 2000)                                 // nearby, down
                }
                let target = Int32(t < callers || r < 5 ? t : (t % callers))
                if target != Int32(i) && !row.contains(target) { row.append(target) }
            }
            for t in row { from.append(Int32(i)); to.append(t) }
        }
        return CompactGraph(nodeCount: functions, from: from, to: to)
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
