import ClangFrontend
import Foundation
import SinkmapCore

extension Scan {
    /// `sinkmap scan --shard I/N --facts-out DIR`: everything a scan does before parsing (configuration, compile jobs,
    /// their order), then parses only the units of shard I — through the facts cache when there is one — and writes
    /// their facts and the shard's manifest into `directory` (`shard-I-of-N.facts`, then `shard-I-of-N.json`, each
    /// atomically). Graph, paths and report are the merge's (`ShardSet`, Docs/facts-format.md).
    public func runShard(_ spec: ShardSpec, into directory: String) throws -> ShardSummary {
        let plan = try plan()
        let root = plan.root
        let keys = plan.jobs.map { ShardFormat.key($0, root: root) }
        let mine = plan.jobs.indices.filter {
            ShardSpec.shard(of: ShardFormat.relative(plan.jobs[$0].file, root: root) ?? plan.jobs[$0].file, count: spec.count) == spec.index
        }
        let jobs = mine.map { plan.jobs[$0] }

        // What each unit read and where its include search found nothing, from the parse or from the cache entry.
        let recorder = DependencyRecorder()
        let cache = openCache(plan.cacheDirectory, root: root)
        let memo = ParallelIndexer.Memo(
            lookup: { job in
                guard let hit = cache?.lookupWithDependencies(job) else { return nil }
                recorder.record(job, inputs: hit.inputs, absent: hit.absent, cached: true)
                return hit.facts
            },
            store: { job, facts, inputs in
                cache?.store(job, facts: facts, inputs: inputs)
                recorder.record(job, inputs: inputs, absent: nil, cached: false)
            })
        let units = index(jobs, root: root, memo: memo)

        var entries: [ShardEntry] = []
        var manifestUnits: [ShardManifest.Unit] = []
        let hashes = ContentHashes(root: root, boundary: boundary(root: root))
        for (index, facts) in zip(mine, units) {
            let job = plan.jobs[index]
            var facts = facts
            facts.target = job.target
            let deps = recorder.dependencies(of: job)
            var inputs: [ShardEntry.Input] = []
            var absent: [String] = []
            var absentKnown = true
            if !facts.failed, let deps {
                var files = deps.inputs
                if let known = deps.absent {
                    absent = known
                } else if let probes = IncludeSearch(job: job).probes(files: deps.inputs, names: { hashes.includeNames($0) },
                                                                        exists: { hashes.exists($0) }) {
                    absent = probes.absent
                    files += probes.found
                } else {
                    absentKnown = false
                }
                for file in Set(files).sorted() {
                    // Inside the tree only: system headers are the image's, the same for every shard of a workflow.
                    guard let relative = ShardFormat.relative(file, root: root) else { continue }
                    guard let sha = hashes.sha256(file) else { continue }
                    inputs.append(.init(path: relative, sha256: sha))
                }
                absent = absent.compactMap { ShardFormat.relative($0, root: root) }.sorted()
            }
            entries.append(ShardEntry(key: keys[index], inputs: inputs, absent: absent, absentKnown: absentKnown, facts: facts))
            manifestUnits.append(.init(file: facts.file, target: job.target, key: keys[index],
                                       status: facts.failed ? "failed" : facts.hadErrors ? "errors" : "parsed",
                                       failure: facts.failure?.rawValue, cached: deps?.cached ?? false))
        }

        let data: Data
        do {
            data = try ShardFacts.encode(entries)
        } catch {
            throw ScanError.input("cannot encode the facts of \(spec): \(error)")
        }
        let factsPath = (directory as NSString).appendingPathComponent(spec.fileStem + ".facts")
        let manifestPath = (directory as NSString).appendingPathComponent(spec.fileStem + ".json")
        let manifest = ShardManifest(
            schema: ShardFormat.schema, shard: .init(index: spec.index, count: spec.count),
            tool: .init(name: "sinkmap", version: SinkmapVersion.current, libclang: SinkmapVersion.libclang),
            factsFormat: FactsCache.formatVersion, root: root,
            compileDatabase: .init(sha256: ShardFormat.databaseHash(keys: keys), units: keys.count),
            units: manifestUnits,
            facts: .init(file: spec.fileStem + ".facts", bytes: data.count, sha256: ShardFormat.sha256(data)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // The facts first: a manifest is only ever next to the facts it describes.
            try AtomicFile.write(data, to: factsPath)
            try AtomicFile.write(try encoder.encode(manifest) + Data("\n".utf8), to: manifestPath)
        } catch {
            throw ShardWriteError(path: directory, reason: "\(error)")
        }
        return ShardSummary(spec: spec, manifestPath: manifestPath, factsPath: factsPath, units: units.count,
                            totalUnits: plan.jobs.count, withErrors: units.filter { $0.hadErrors && !$0.failed }.count,
                            failed: units.filter(\.failed).count, cached: manifestUnits.filter(\.cached).count,
                            warnings: Self.cacheWarnings(cache, directory: plan.cacheDirectory))
    }
}

/// The shard's files could not be written (`sinkmap` exits 6).
public struct ShardWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot write the shard's facts: \(reason)" }
}

/// What each unit of a shard depends on, recorded from worker threads.
final class DependencyRecorder: @unchecked Sendable {
    struct Dependencies {
        var inputs: [String]
        /// Nil when the unit was parsed (the search is replayed afterwards); the cache entry's when it was reused.
        var absent: [String]?
        var cached: Bool
    }
    private let lock = NSLock()
    private var byJob: [CompileJob: Dependencies] = [:]

    func record(_ job: CompileJob, inputs: [String], absent: [String]?, cached: Bool) {
        lock.lock()
        byJob[job] = Dependencies(inputs: inputs, absent: absent, cached: cached)
        lock.unlock()
    }

    func dependencies(of job: CompileJob) -> Dependencies? {
        lock.lock()
        defer { lock.unlock() }
        return byJob[job]
    }
}

/// SHA-256 of files inside the tree, the header names of every file a unit read and whether a path exists, each
/// found once per shard: units share most headers (a libstdc++ unit reads hundreds), and replaying their include
/// searches must not re-read them per unit.
final class ContentHashes {
    let root: String
    let boundary: TreeBoundary
    private var hashes: [String: String?] = [:]
    private var names: [String: [IncludeSearch.Name]?] = [:]
    private var existing: [String: Bool] = [:]

    init(root: String, boundary: TreeBoundary) {
        self.root = root
        self.boundary = boundary
    }

    func sha256(_ path: String) -> String? {
        if let known = hashes[path] { return known }
        let h = boundary.escapingLink(path) == nil
            ? (try? RegularFile.read(path, limit: ShardFormat.sourceLimit)).map(ShardFormat.sha256) : nil
        hashes[path] = .some(h)
        return h
    }

    /// A file's header names (`IncludeSearch.names`), nil when one is named through a macro.
    func includeNames(_ path: String) -> [IncludeSearch.Name]? {
        if let known = names[path] { return known }
        let found = IncludeSearch.names(ofFile: path)
        names[path] = .some(found)
        return found
    }

    func exists(_ path: String) -> Bool {
        if let known = existing[path] { return known }
        var st = stat()
        let answer = lstat(path, &st) == 0
        existing[path] = answer
        return answer
    }
}
