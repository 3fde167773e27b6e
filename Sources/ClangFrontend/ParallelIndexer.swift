import Foundation
import SinkmapCore

/// Parses translation units on `workers` threads of its own (libclang calls block; they stay off the Swift
/// concurrency pool), one `TranslationUnitIndexer` — so one `CXIndex` — per thread. Results come back in job
/// order, so the output never depends on which thread finished first.
public struct ParallelIndexer {
    public var workers: Int
    public var root: String

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
        let state = SharedState(count: jobs.count)
        let group = DispatchGroup()
        let threadCount = min(workers, max(jobs.count, 1))
        for _ in 0..<threadCount {
            group.enter()
            let root = self.root
            let thread = Thread {
                let indexer = TranslationUnitIndexer(root: root)
                while let i = state.next() {
                    var facts: TranslationUnitFacts
                    if let cached = memo?.lookup(jobs[i]) {
                        facts = cached
                    } else {
                        var inputs: [String] = []
                        facts = indexer.index(jobs[i], inputs: &inputs)
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
