import CSystem
import Foundation
import SinkmapCore

/// Parses translation units on `workers` threads of its own (libclang calls block; they stay off the Swift
/// concurrency pool), one `TranslationUnitIndexer` — so one `CXIndex` — per thread. Results come back in job
/// order, so the output never depends on which thread finished first.
public struct ParallelIndexer {
    public var workers: Int
    public var root: String
    /// Parse in worker processes instead of threads, so a unit that crashes or hangs libclang costs only that
    /// unit. Nil parses in this process (libclang's own crash recovery still applies).
    public var isolation: Isolation?

    public struct Isolation: Sendable {
        /// The sinkmap executable; started as `EXECUTABLE __worker ROOT`.
        public var executable: String
        /// Seconds one unit may take before its worker is killed; 0 waits forever.
        public var timeout: Double
        /// What one unit may use: resident memory and CPU time (`--tu-memory`, `--tu-cpu-time`).
        public var limits: WorkerLimits
        public init(executable: String, timeout: Double, limits: WorkerLimits = WorkerLimits()) {
            self.executable = executable
            self.timeout = timeout
            self.limits = limits
        }

        /// Workers started from the running executable, when it can be found.
        public static func current(timeout: Double, limits: WorkerLimits = WorkerLimits()) -> Isolation? {
            WorkerProcess.currentExecutable.map { Isolation(executable: $0, timeout: timeout, limits: limits) }
        }
    }

    /// Units that open with the same `#include` lines under the same flags share one precompiled preamble
    /// (`SharedPreambles`); nil parses every unit whole.
    public var preambles: SharedPreambles?

    public init(root: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.root = root
        self.workers = max(1, workers)
    }

    /// Where parsed facts can be found and kept between runs (a cache). Called from worker threads.
    public struct Memo: Sendable {
        public var lookup: @Sendable (CompileJob) -> TranslationUnitFacts?
        public var store: @Sendable (CompileJob, TranslationUnitFacts, [String]) -> Void
        public init(lookup: @escaping @Sendable (CompileJob) -> TranslationUnitFacts?,
                    store: @escaping @Sendable (CompileJob, TranslationUnitFacts, [String]) -> Void) {
            self.lookup = lookup
            self.store = store
        }
    }

    /// `progress(done, total, file)` is called after each unit, from worker threads, serialized.
    /// The cache is asked first for every unit; the shared preambles are then planned over the units left to parse
    /// (a preamble two of them would not load is not built), and those are parsed.
    public func run(_ jobs: [CompileJob], memo: Memo? = nil,
                    progress: (@Sendable (Int, Int, String) -> Void)? = nil) -> [TranslationUnitFacts] {
        // In this process, libclang's own writes to stderr (`#pragma clang __debug dump`, …) would reach the terminal
        // raw; they go where a worker's go.
        let quiet = isolation == nil ? QuietStandardError() : nil
        defer { quiet?.restore() }
        let state = SharedState(count: jobs.count)
        @Sendable func finish(_ facts: TranslationUnitFacts, at i: Int) {
            state.store(facts, at: i) { done in progress?(done, jobs.count, facts.file) }
        }
        var toParse = Array(jobs.indices)
        if let memo {
            let lookups = WorkQueue(toParse)
            let missed = WorkQueue([])
            onThreads(min(workers, max(jobs.count, 1))) {
                while let i = lookups.next() {
                    if let cached = memo.lookup(jobs[i]) { finish(cached, at: i) } else { missed.add(i) }
                }
            }
            toParse = missed.items.sorted()
        }
        guard !toParse.isEmpty else { return state.results.map { $0! } }
        let preambles = self.preambles
        preambles?.plan(jobs, parsing: toParse)
        let parses = WorkQueue(toParse)
        let root = self.root
        let isolation = self.isolation
        onThreads(min(workers, toParse.count)) {
            let parse = isolation.map { Self.isolatedParser(root: root, isolation: $0) } ?? Self.inProcessParser(root: root)
            while let i = parses.next() {
                var inputs: [String] = []
                var used = false
                let preamble = preambles?.preamble(for: i)
                var facts = parse(jobs[i], preamble, &inputs, &used)
                // A unit that failed with a preamble (a crash, a limit) is parsed whole, and that preamble is not
                // offered again: the failure, if it stays, is the unit's own.
                if let preamble, facts.failure != nil {
                    preambles?.disable(preamble.key)
                    used = false
                    facts = parse(jobs[i], nil, &inputs, &used)
                }
                if used { preambles?.recordUse() }
                memo?.store(jobs[i], facts, inputs)
                finish(facts, at: i)
            }
        }
        return state.results.map { $0! }
    }

    /// Runs `body` on `count` threads of their own and waits for them all.
    private func onThreads(_ count: Int, _ body: @escaping @Sendable () -> Void) {
        let group = DispatchGroup()
        for _ in 0..<count {
            group.enter()
            let thread = Thread {
                body()
                group.leave()
            }
            // Deeply nested expressions recurse deeply inside libclang's visitor.
            thread.stackSize = 64 << 20
            thread.start()
        }
        group.wait()
    }

    typealias Parser = (CompileJob, Preamble?, inout [String], inout Bool) -> TranslationUnitFacts

    private static func inProcessParser(root: String) -> Parser {
        let indexer = TranslationUnitIndexer(root: root)
        return { job, preamble, inputs, used in indexer.index(job, preamble: preamble, inputs: &inputs, usedPreamble: &used) }
    }

    /// Each thread drives one worker process, replacing it after a crash or a timeout.
    private static func isolatedParser(root: String, isolation: Isolation) -> Parser {
        let launch = WorkerProcess.Launch(executable: isolation.executable,
                                          arguments: ["__worker", root] + isolation.limits.workerArguments,
                                          timeout: isolation.timeout, limits: isolation.limits)
        let paths = PathResolver(root: root)
        var worker: WorkerProcess?
        // This thread writes to workers' pipes: one that died between jobs must be a diagnostic, not a SIGPIPE.
        sinkmap_block_sigpipe_in_thread()
        return { job, preamble, inputs, used in
            let shown = paths.display(job.file)
            if worker == nil { worker = WorkerProcess(launch) }
            guard let process = worker else {
                return TranslationUnitFacts(file: shown, diagnostics: [DiagnosticFact(
                    file: shown, severity: .fatal, message: "could not start a libclang worker process; the file was skipped")],
                    failure: .crashed)
            }
            func failed(_ message: String, _ why: UnitFailure) -> TranslationUnitFacts {
                worker = nil
                return TranslationUnitFacts(file: shown, diagnostics: [DiagnosticFact(file: shown, severity: .fatal, message: message)],
                                            failure: why)
            }
            switch process.run(job, preamble: preamble, timeout: launch.timeout) {
            case .result(let facts, let read, let withPreamble):
                inputs = read
                used = withPreamble
                return facts
            case .timedOut:
                worker = nil
                return TranslationUnitFacts(file: shown, diagnostics: [DiagnosticFact(
                    file: shown, severity: .fatal,
                    message: "libclang did not finish within \(Int(launch.timeout)) s (--tu-timeout); the file was skipped")],
                    failure: .timedOut)
            case .exceededMemory:
                return failed("libclang used more than \(launch.limits.memoryMiB) MiB on this file (--tu-memory); the file was skipped",
                              .exceededMemory)
            case .exceededCPUTime:
                return failed("libclang used more than \(Int(launch.limits.cpuSeconds)) s of CPU time on this file (--tu-cpu-time); the file was skipped",
                              .exceededCPUTime)
            case .crashed(let how):
                worker = nil
                return TranslationUnitFacts(file: shown, diagnostics: [DiagnosticFact(
                    file: shown, severity: .fatal,
                    message: "libclang crashed on this file (its worker process \(how)); the file was skipped")],
                    failure: .crashed)
            }
        }
    }

    /// Indices handed out one at a time to the threads.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var cursor = 0
        private(set) var items: [Int]

        init(_ items: [Int]) { self.items = items }

        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard cursor < items.count else { return nil }
            cursor += 1
            return items[cursor - 1]
        }

        func add(_ item: Int) {
            lock.lock(); items.append(item); lock.unlock()
        }
    }

    private final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        var results: [TranslationUnitFacts?]

        init(count: Int) {
            results = Array(repeating: nil, count: count)
        }

        func store(_ facts: TranslationUnitFacts, at i: Int, then report: (Int) -> Void) {
            lock.lock(); defer { lock.unlock() }
            results[i] = facts
            done += 1
            report(done)
        }
    }
}
