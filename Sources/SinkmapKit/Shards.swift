import ClangFrontend
import Crypto
import Foundation
import SinkmapCore

/// `--shard I/N`: which part of a scan one machine parses. Shards are numbered from 1.
public struct ShardSpec: Equatable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// Most shards a scan may be split into.
    public static let maximumCount = 10_000

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `"2/5"`; nil unless 1 ≤ I ≤ N ≤ `maximumCount`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= Self.maximumCount,
              (1...n).contains(i) else { return nil }
        self.init(index: i, count: n)
    }

    public var description: String { "shard \(index) of \(count)" }

    /// `shard-2-of-5`: the stem of the shard's two files.
    public var fileStem: String { "shard-\(index)-of-\(count)" }

    /// The shard (1…`count`) a unit belongs to: a jump consistent hash (Lamping & Veach, 2014) of the first 8 bytes of
    /// the SHA-256 of its main file's path relative to the root. It depends on that path alone, so adding or removing
    /// a file moves no other unit, and going from N to N+1 shards moves about 1/(N+1) of them. A file compiled several
    /// ways is in one shard.
    public static func shard(of relativePath: String, count: Int) -> Int {
        let digest = SHA256.hash(data: Array(relativePath.utf8))
        var key: UInt64 = 0
        for b in digest.prefix(8) { key = key << 8 | UInt64(b) }
        var bucket: Int64 = -1, next: Int64 = 0
        while next < Int64(count) {
            bucket = next
            key = key &* 2_862_933_555_777_941_757 &+ 1
            next = Int64(Double(bucket + 1) * (Double(Int64(1) << 31) / Double((key >> 33) + 1)))
        }
        return Int(bucket) + 1
    }
}

/// The shard files' shared vocabulary: names, keys, limits (Docs/facts-format.md).
public enum ShardFormat {
    /// The manifest's `schema`.
    public static let schema = "sinkmap-shard/v1"
    /// The first line of a `.facts` file.
    public static let factsMagic = "sinkmap-shard-facts/v1\n"
    /// Largest manifest read.
    public static let manifestLimit = 256 << 20
    /// Largest `.facts` file read.
    public static let factsLimit = 4 << 30
    /// Largest source file hashed to check a unit's dependencies.
    public static let sourceLimit = 1 << 30

    /// A unit's key: SHA-256 (hex) of the length-prefixed sequence of everything its facts depend on besides the
    /// files it read — the facts format, sinkmap's and libclang's versions, the root, the main file, the folder, the
    /// build target and every argument. The cache's key is the same material under a per-user key; a shard's is
    /// unkeyed so that another machine computes the same one.
    public static func key(_ job: CompileJob, root: String) -> String {
        let parts = ["sinkmap-shard-unit-v1", FactsCache.formatVersion, SinkmapVersion.current, SinkmapVersion.libclang,
                     root, job.file, job.directory, job.target ?? ""] + job.arguments
        return SHA256.hex(PathFingerprint.fingerprintInput(parts))
    }

    /// The compile database's hash: SHA-256 of every unit's key in the scan's order (sorted jobs), one per line.
    public static func databaseHash(keys: [String]) -> String {
        SHA256.hex(keys.joined(separator: "\n"))
    }

    static func sha256(_ data: Data) -> String { SHA256.hash(data: data).hexDigits }

    /// `path` relative to `root`, or nil when it is not under it.
    static func relative(_ path: String, root: String) -> String? {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : nil
    }
}

/// A shard's manifest, `shard-I-of-N.json` (schema: Docs/schemas/sinkmap-shard.schema.json).
public struct ShardManifest: Codable, Equatable, Sendable {
    public struct Shard: Codable, Equatable, Sendable { public var index: Int; public var count: Int }
    public struct Tool: Codable, Equatable, Sendable { public var name: String; public var version: String; public var libclang: String }
    public struct Database: Codable, Equatable, Sendable {
        /// `ShardFormat.databaseHash` of every unit of the scan (all shards).
        public var sha256: String
        /// Units in the whole scan.
        public var units: Int
    }
    public struct Unit: Codable, Equatable, Sendable {
        /// Main file, relative to the root.
        public var file: String
        public var target: String?
        /// `ShardFormat.key`.
        public var key: String
        /// `parsed`, `errors` (parsed with errors) or `failed`.
        public var status: String
        /// Why a failed unit was not analysed (`UnitFailure`).
        public var failure: String?
        /// Taken from this machine's facts cache rather than parsed.
        public var cached: Bool
    }
    public struct Facts: Codable, Equatable, Sendable {
        public var file: String
        public var bytes: Int
        public var sha256: String
    }
    public var schema: String
    public var shard: Shard
    public var tool: Tool
    public var factsFormat: String
    /// The root with symbolic links resolved; a merge must run on the same one.
    public var root: String
    public var compileDatabase: Database
    public var units: [Unit]
    public var facts: Facts
}

/// One unit in a `.facts` file: its key, what it depends on inside the tree, and its facts.
struct ShardEntry: Codable, Sendable {
    struct Input: Codable, Sendable {
        /// Relative to the root.
        var path: String
        /// SHA-256 of the content, hex.
        var sha256: String
    }
    var key: String
    /// Files under the root the unit read (sources and headers), with their content hash.
    var inputs: [Input]
    /// Paths under the root the include search looked at and did not find.
    var absent: [String]
    /// False when the include search could not be replayed (a header named by a macro): `absent` is then empty
    /// and the merge cannot check that no header appeared.
    var absentKnown: Bool
    var facts: TranslationUnitFacts
}

/// What a shard run did.
public struct ShardSummary: Sendable {
    public var spec: ShardSpec
    public var manifestPath: String
    public var factsPath: String
    public var units: Int
    public var totalUnits: Int
    public var withErrors: Int
    public var failed: Int
    public var cached: Int
    /// The facts cache could not be opened, or held entries it could not trust (`Scan.cacheWarnings`): said on stderr.
    public var warnings: [DiagnosticFact] = []
}

/// The facts of several shards, loaded and checked for a merge (`sinkmap merge`, `sinkmap check --facts`).
/// Everything read is untrusted: sizes are bounded, every field is checked, and every failure is a `ShardError`
/// naming the file.
public struct ShardSet: Sendable {
    struct Loaded: Sendable {
        var manifest: ShardManifest
        /// The manifest's path, as the message shows it.
        var path: String
        var entries: [String: ShardEntry]
        /// Keys of the units the shard took from its machine's facts cache.
        var cachedKeys: Set<String>
    }

    var shards: [Loaded]
    /// Shards may be missing (`--allow-partial`): their units become failed units, and a warning names the shard.
    public var allowPartial = false

    /// Reads every `shard-I-of-N.json` (and its `.facts`) in each of `directories`.
    public static func load(directories: [String]) throws -> ShardSet {
        guard !directories.isEmpty else { throw ShardError("no facts folder given") }
        var shards: [Loaded] = []
        for dir in directories {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw ShardError("\(dir): not a folder of shard facts")
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
                .filter { manifestSpec($0) != nil }.sorted()
            guard !names.isEmpty else {
                throw ShardError("\(dir): no shard manifest (shard-I-of-N.json, written by `sinkmap scan --shard I/N --facts-out \(dir)`)")
            }
            guard shards.count + names.count <= ShardSpec.maximumCount * 2 else { throw ShardError("\(dir): too many shard manifests") }
            for name in names {
                shards.append(try loadShard(dir: dir, name: name))
            }
        }
        return ShardSet(shards: shards)
    }

    /// `shard-2-of-5.json` → 2/5.
    static func manifestSpec(_ name: String) -> ShardSpec? {
        guard name.hasPrefix("shard-"), name.hasSuffix(".json") else { return nil }
        let middle = name.dropFirst(6).dropLast(5).components(separatedBy: "-of-")
        guard middle.count == 2, middle.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let spec = ShardSpec(parsing: middle[0] + "/" + middle[1]), spec.fileStem + ".json" == name else { return nil }
        return spec
    }

    private static func loadShard(dir: String, name: String) throws -> Loaded {
        let path = (dir as NSString).appendingPathComponent(name)
        let manifest: ShardManifest
        do {
            let data = try RegularFile.read(path, limit: ShardFormat.manifestLimit)
            manifest = try JSONDecoder().decode(ShardManifest.self, from: data)
        } catch let e as RegularFile.Failure {
            throw ShardError("\(path): cannot read the shard manifest: \(e)")
        } catch {
            throw ShardError("\(path): not a shard manifest (\(Self.reason(error)))")
        }
        guard manifest.schema == ShardFormat.schema else {
            throw ShardError("\(path): shard format \(manifest.schema), this sinkmap reads \(ShardFormat.schema)")
        }
        guard let spec = manifestSpec(name), spec.index == manifest.shard.index, spec.count == manifest.shard.count else {
            throw ShardError("\(path): the manifest says shard \(manifest.shard.index) of \(manifest.shard.count), its name does not")
        }
        guard manifest.facts.file == spec.fileStem + ".facts" else {
            throw ShardError("\(path): its facts file must be \(spec.fileStem).facts")
        }
        let factsPath = (dir as NSString).appendingPathComponent(manifest.facts.file)
        let data: Data
        do {
            data = try RegularFile.read(factsPath, limit: ShardFormat.factsLimit)
        } catch let e as RegularFile.Failure {
            throw ShardError("\(factsPath): cannot read the shard's facts: \(e)")
        }
        guard data.count == manifest.facts.bytes, ShardFormat.sha256(data) == manifest.facts.sha256 else {
            throw ShardError("\(factsPath): damaged — its size or SHA-256 is not the one its manifest \(name) records")
        }
        var entries: [String: ShardEntry] = [:]
        do {
            let list = try ShardFacts.decode(data, count: manifest.units.count)
            for (unit, entry) in zip(manifest.units, list) {
                guard entry.key == unit.key, entries.updateValue(entry, forKey: entry.key) == nil else {
                    throw ShardError("\(factsPath): unit \(unit.file) is not where its manifest puts it, or is there twice")
                }
            }
        } catch let e as ShardError {
            throw e
        } catch {
            throw ShardError("\(factsPath): damaged (\(Self.reason(error)))")
        }
        return Loaded(manifest: manifest, path: path, entries: entries,
                      cachedKeys: Set(manifest.units.filter(\.cached).map(\.key)))
    }

    static func reason(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let c) = error { return c.debugDescription }
        if case DecodingError.keyNotFound(let k, _) = error { return "no field \(k.stringValue)" }
        if case DecodingError.typeMismatch(_, let c) = error { return "a field of the wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))" }
        if case DecodingError.valueNotFound(_, let c) = error { return "a missing value at \(c.codingPath.map(\.stringValue).joined(separator: "."))" }
        return "\(error)"
    }

    /// The facts of every job, in the jobs' order, after checking that the shards cover exactly these jobs — the
    /// same compile database, sinkmap, libclang and root, every shard once — and that every file a unit read inside
    /// the tree still has the content it was parsed with and no header appeared where its include search looked.
    func units(for jobs: [CompileJob], root: String, boundary: TreeBoundary)
        throws -> (units: [TranslationUnitFacts], diagnostics: [DiagnosticFact], cached: Int) {
        let keys = jobs.map { ShardFormat.key($0, root: root) }
        let database = ShardFormat.databaseHash(keys: keys)
        var byIndex: [Int: Loaded] = [:]
        var count: Int?
        for shard in shards.sorted(by: { ($0.manifest.shard.index, $0.path) < ($1.manifest.shard.index, $1.path) }) {
            let m = shard.manifest
            let what = "\(shard.path) (shard \(m.shard.index) of \(m.shard.count))"
            guard m.tool.version == SinkmapVersion.current, m.tool.libclang == SinkmapVersion.libclang,
                  m.factsFormat == FactsCache.formatVersion else {
                throw ShardError("\(what): written by sinkmap \(m.tool.version) on \(m.tool.libclang) (\(m.factsFormat)); this is sinkmap \(SinkmapVersion.current) on \(SinkmapVersion.libclang) (\(FactsCache.formatVersion)): run every shard with the same sinkmap")
            }
            guard m.root == root else {
                throw ShardError("\(what): scanned the tree at \(m.root); this one is at \(root) — shards and merge must check the tree out at the same path")
            }
            if let count, count != m.shard.count {
                throw ShardError("\(what): split the scan into \(m.shard.count) shards, another given shard into \(count)")
            }
            count = m.shard.count
            if let other = byIndex[m.shard.index] {
                throw ShardError("shard \(m.shard.index) of \(m.shard.count) is given twice: \(other.path) and \(shard.path)")
            }
            guard m.compileDatabase.sha256 == database, m.compileDatabase.units == jobs.count else {
                throw ShardError("\(what): made from another compile database or with other flags (\(m.compileDatabase.units) units, database \(m.compileDatabase.sha256.prefix(12))); this scan has \(jobs.count) units, database \(database.prefix(12))")
            }
            byIndex[m.shard.index] = shard
        }
        guard let count else { throw ShardError("no shard given") }
        let missing = (1...count).filter { byIndex[$0] == nil }
        if !missing.isEmpty && !allowPartial {
            let names = missing.map { "shard \($0) of \(count) (shard-\($0)-of-\(count).json)" }
            throw ShardError("\(names.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing from the facts folders given; merge every shard, or pass --allow-partial to report the gap")
        }

        var units: [TranslationUnitFacts] = []
        units.reserveCapacity(jobs.count)
        var used: [Int: Int] = [:]
        var missingUnits: [Int: Int] = [:]
        var cached = 0
        var verifier = DependencyCheck(root: root, boundary: boundary)
        for (job, key) in zip(jobs, keys) {
            let file = ShardFormat.relative(job.file, root: root) ?? job.file
            let index = ShardSpec.shard(of: file, count: count)
            guard let shard = byIndex[index] else {
                missingUnits[index, default: 0] += 1
                var unit = TranslationUnitFacts(file: file, diagnostics: [DiagnosticFact(
                    file: file, severity: .fatal,
                    message: "not analysed: shard \(index) of \(count) was not merged (--allow-partial); the file was skipped")],
                    failure: .missingShard)
                unit.target = job.target
                units.append(unit)
                continue
            }
            guard let entry = shard.entries[key] else {
                throw ShardError("\(shard.path) (shard \(index) of \(count)): has no facts for \(file), which belongs to it: the shard is damaged or was made differently")
            }
            if let changed = verifier.firstChange(entry) {
                throw ShardError("\(shard.path) (shard \(index) of \(count)): \(file) was parsed from other sources: \(changed) — run every shard on this checkout")
            }
            used[index, default: 0] += 1
            if shard.cachedKeys.contains(key) { cached += 1 }
            var facts = entry.facts
            facts.target = job.target
            units.append(facts)
        }
        for (index, shard) in byIndex where used[index, default: 0] != shard.entries.count {
            throw ShardError("\(shard.path) (shard \(index) of \(count)): holds \(shard.entries.count) units, \(used[index, default: 0]) of them in this scan")
        }
        let diagnostics = missingUnits.keys.sorted().map { index in
            DiagnosticFact(file: "(shards)", severity: .warning,
                           message: "shard \(index) of \(count) is missing (--allow-partial): its \(missingUnits[index]!) translation \(missingUnits[index]! == 1 ? "unit was" : "units were") not analysed")
        }
        return (units, diagnostics, cached)
    }
}

/// Checks a unit's recorded dependencies against the tree, hashing each file once.
struct DependencyCheck {
    let root: String
    let boundary: TreeBoundary
    private var hashes: [String: String?] = [:]
    private var existing: [String: Bool] = [:]
    private var places: [String: String?] = [:]

    init(root: String, boundary: TreeBoundary) {
        self.root = root
        self.boundary = boundary
    }

    /// The first dependency that is not as recorded, said for a person; nil when all are.
    mutating func firstChange(_ entry: ShardEntry) -> String? {
        for input in entry.inputs {
            guard let path = inside(input.path) else { return "\(input.path) is not a path inside the tree" }
            if hash(path) != input.sha256 { return "\(input.path) is not the same file" }
        }
        for absent in entry.absent {
            guard let path = inside(absent) else { return "\(absent) is not a path inside the tree" }
            if exists(path) { return "\(absent) appeared (its include search found nothing there)" }
        }
        return nil
    }

    /// `relative` under the root, refused when it climbs out (`..`), is absolute or passes a link out of the tree.
    private mutating func inside(_ relative: String) -> String? {
        if let known = places[relative] { return known }
        let place = resolve(relative)
        places[relative] = .some(place)
        return place
    }

    private func resolve(_ relative: String) -> String? {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\u{0}"),
              !relative.split(separator: "/").contains(where: { $0 == ".." }) else { return nil }
        let path = root + "/" + relative
        return boundary.escapingLink(path) == nil ? path : nil
    }

    private mutating func hash(_ path: String) -> String? {
        if let known = hashes[path] { return known }
        let h = (try? RegularFile.read(path, limit: ShardFormat.sourceLimit)).map(ShardFormat.sha256)
        hashes[path] = .some(h)
        return h
    }

    private mutating func exists(_ path: String) -> Bool {
        if let known = existing[path] { return known }
        var st = stat()
        let answer = lstat(path, &st) == 0
        existing[path] = answer
        return answer
    }
}

/// A shard's `.facts` file: `ShardFormat.factsMagic`, then per unit its byte length (8 bytes, little-endian) and the
/// `ShardEntry` in the facts cache's binary encoding (`BinaryEncoder`).
enum ShardFacts {
    static func encode(_ entries: [ShardEntry]) throws -> Data {
        var data = Data(ShardFormat.factsMagic.utf8)
        let encoder = BinaryEncoder()
        for entry in entries {
            let body = try encoder.encode(entry)
            withUnsafeBytes(of: UInt64(body.count).littleEndian) { data.append(contentsOf: $0) }
            data.append(body)
        }
        return data
    }

    static func decode(_ data: Data, count: Int) throws -> [ShardEntry] {
        let bytes = [UInt8](data)
        let magic = Array(ShardFormat.factsMagic.utf8)
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw BinaryDecoder.corrupted("not a shard facts file (\(ShardFormat.factsMagic.dropLast()))")
        }
        var offset = magic.count
        var entries: [ShardEntry] = []
        let decoder = BinaryDecoder()
        while offset < bytes.count {
            guard bytes.count - offset >= 8 else { throw BinaryDecoder.corrupted("truncated length") }
            var length: UInt64 = 0
            for i in 0..<8 { length |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            offset += 8
            guard length <= UInt64(bytes.count - offset) else { throw BinaryDecoder.corrupted("a unit longer than the file") }
            guard entries.count < count else { throw BinaryDecoder.corrupted("more units than the manifest lists") }
            entries.append(try decoder.decode(ShardEntry.self, from: Data(bytes[offset..<(offset + Int(length))])))
            offset += Int(length)
        }
        guard entries.count == count else { throw BinaryDecoder.corrupted("\(entries.count) units, the manifest lists \(count)") }
        return entries
    }
}

/// A shard set that cannot be merged: a shard missing, given twice, from another database, sinkmap or libclang,
/// damaged, or made from other sources. `sinkmap` exits 9.
public struct ShardError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
