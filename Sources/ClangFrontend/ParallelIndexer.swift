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
    public func run(_ jobs: [CompileJob], memo: Memo? = nil,
                    progress: (@Sendable (Int, Int, String) -> Void)? = nil) -> [TranslationUnitFacts] {
        // In this process, libclang's own writes to stderr (`#pragma clang __debug dump`, …) would reach the terminal
        // raw; they go where a worker's go.
        let quiet = isolation == nil ? QuietStandardError() : nil
        defer { quiet?.restore() }
        let state = SharedState(count: jobs.count)
        let group = DispatchGroup()
        let threadCount = min(workers, max(jobs.count, 1))
        for _ in 0..<threadCount {
            group.enter()
            let root = self.root
            let isolation = self.isolation
            let thread = Thread {
                let parse = isolation.map { Self.isolatedParser(root: root, isolation: $0) } ?? Self.inProcessParser(root: root)
                while let i = state.next() {
                    var facts: TranslationUnitFacts
                    if let cached = memo?.lookup(jobs[i]) {
                        facts = cached
                    } else {
                        var inputs: [String] = []
                        facts = parse(jobs[i], &inputs)
                        memo?.store(jobs[i], facts, inputs)
                    }
                    state.store(facts, at: i) { done in progress?(done, jobs.count, facts.file) }
                }
                group.leave()
            }
            // Deeply nested expressions recurse deeply inside libclang's visitor.
            thread.stackSize = 64 << 20
            thread.start()
        }
        group.wait()
        return state.results.map { $0! }
    }

    private static func inProcessParser(root: String) -> (CompileJob, inout [String]) -> TranslationUnitFacts {
        let indexer = TranslationUnitIndexer(root: root)
        return { job, inputs in indexer.index(job, inputs: &inputs) }
    }

    /// Each thread drives one worker process, replacing it after a crash or a timeout.
    private static func isolatedParser(root: String, isolation: Isolation) -> (CompileJob, inout [String]) -> TranslationUnitFacts {
        let launch = WorkerProcess.Launch(executable: isolation.executable,
                                          arguments: ["__worker", root] + isolation.limits.workerArguments,
                                          timeout: isolation.timeout, limits: isolation.limits)
        let paths = PathResolver(root: root)
        var worker: WorkerProcess?
        // This thread writes to workers' pipes: one that died between jobs must be a diagnostic, not a SIGPIPE.
        sinkmap_block_sigpipe_in_thread()
        return { job, inputs in
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
            switch process.run(job, timeout: launch.timeout) {
            case .result(let facts, let read):
                inputs = read
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

    private final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var cursor = 0
        private var done = 0
        private let count: Int
        var results: [TranslationUnitFacts?]

        init(count: Int) {
            self.count = count
            results = Array(repeating: nil, count: count)
        }

        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard cursor < count else { return nil }
            cursor += 1
            return cursor - 1
        }

        func store(_ facts: TranslationUnitFacts, at i: Int, then report: (Int) -> Void) {
            lock.lock(); defer { lock.unlock() }
            results[i] = facts
            done += 1
            report(done)
        }
    }
}
