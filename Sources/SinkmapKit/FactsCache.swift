import ClangFrontend
import Crypto
import Foundation
import SinkmapCore

/// Per-translation-unit facts kept between scans, so a re-scan parses only what changed.
///
/// An entry is keyed by the unit's main file, its arguments, libclang's version and sinkmap's version, and
/// records every file the unit read with its inode, size, modification and change times and content hash, and
/// every path its include search looked at and did not find (`IncludeSearch`). It is reused only if each of
/// those files still has the same content and none of those paths exists. When `trustsTimestamps` is false
/// (the gate) every file is re-hashed; otherwise a file whose inode, size, mtime and ctime all match is not
/// re-read (anyone can set an mtime, but not a ctime).
/// Entries are authenticated with a key stored outside the scanned tree (`~/.cache/sinkmap/cache-key`), so a
/// `.sinkmap-cache/` shipped inside a repository under review — or a corrupted file — is ignored, never trusted.
public final class FactsCache: @unchecked Sendable {
    public let directory: String
    /// The per-user secret: HMAC-SHA256 names and authenticates entries with it.
    private let key: SymmetricKey
    private let salt: String
    let lock = NSLock()
    var contentHashes: [String: String?] = [:]
    public private(set) var hits = 0
    public private(set) var misses = 0
    public private(set) var rejected = 0
    /// Whether a file whose inode, size, mtime and ctime match the entry's is taken as unchanged without hashing.
    public let trustsTimestamps: Bool
    var existence: [String: Bool] = [:]
    var headerNames: [String: [IncludeSearch.Name]?] = [:]
    /// The scanned root, canonical: files under it are compared by their tokens (`FactsCache+Tokens`).
    let root: String
    /// Per scan: each in-tree file's `TokenText` digest, the shifts computed, each file's macro summary.
    var tokenDigests: [String: String?] = [:]
    var shiftMemo: [String: PositionShift?] = [:]
    var macroMemo: [String: Bool] = [:]
    /// Macro definitions of every file summarised this scan, by name: (file, body; nil when it pastes tokens).
    var macroIndex: [String: [(path: String, body: Set<String>?)]] = [:]
    var usedNames: [String: Set<String>?] = [:]
    var spellingMemo: [String: [String]] = [:]
    var storedTexts: Set<String> = []
    /// Units reused after moving their positions (a subset of `hits`).
    public internal(set) var shifted = 0

    // v2: registrations, public declarations, stream reads. v8: flow facts (`FlowFact`). v3: binary entries (`BinaryEncoder`), several times
    // faster to read back than JSON — a warm re-scan is mostly reading entries. v12: HMAC-SHA256 and SHA-256
    // (swift-crypto) instead of SipHash: a 64-digit tag, entries of v11 fail it and are rebuilt. v13: flow through
    // conversion operators, dependent calls named as written, overloads ruled out by their arguments.
    // v14: each in-tree input's token digest (`TokenText`), so a comment in a header keeps its dependants' entries.
    static let formatVersion = "sinkmap-facts-v14"  // bump whenever the front-end records facts differently

    /// Fails (returns nil) when the folder cannot be created: the scan then runs without a cache.
    /// `root` is part of every key: facts name files relative to the scanned root, so two roots sharing one
    /// cache folder must not read each other's entries.
    public init?(directory: String, root: String = "", keyFile: String = FactsCache.defaultKeyFile,
                 trustsTimestamps: Bool = true) {
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil,
              let key = FactsCache.loadOrCreateKey(keyFile) else { return nil }
        self.directory = directory
        self.trustsTimestamps = trustsTimestamps
        self.key = key
        self.root = root.isEmpty ? "" : PathResolver.canonical(root)
        salt = [Self.formatVersion, SinkmapVersion.current, TranslationUnitIndexer.libclangVersion, root]
            .joined(separator: "\u{0}")
        startedNanoseconds = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
    }

    /// When this scan began. A file modified since may have changed between being parsed and being hashed: its
    /// unit's facts are not stored (the next scan parses it again).
    private let startedNanoseconds: Int64

    /// The warning of a scan whose cache could not be opened (repeated on stderr whatever the format).
    public static var unavailableMessage: String {
        "the facts cache could not be opened (its folder, or the key file \(defaultKeyFile), cannot be created or read); no cache was used"
    }

    public static func isUnavailableWarning(_ message: String) -> Bool { message.hasPrefix("the facts cache could not be opened") }

    public static var defaultKeyFile: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return base + "/sinkmap/cache-key"
    }

    // MARK: - Lookup and store

    public func lookup(_ job: CompileJob) -> TranslationUnitFacts? {
        lookupEntry(job)?.facts
    }

    /// `lookup`, with what the entry depends on: the files the unit read (absolute) and the paths its include
    /// search looked at and did not find. A shard (`ShardFacts`) records them for the merge to check.
    public func lookupWithDependencies(_ job: CompileJob) -> (facts: TranslationUnitFacts, inputs: [String], absent: [String])? {
        lookupEntry(job).map { ($0.facts, $0.inputs.map(\.path), $0.absent) }
    }

    private func lookupEntry(_ job: CompileJob) -> Entry? {
        let path = entryPath(job)
        guard let data = FileManager.default.contents(atPath: path) else { count(\.misses); return nil }
        guard let entry = authenticated(data), entry.key == entryKey(job) else {
            count(\.rejected); count(\.misses)
            return nil
        }
        var moved: [String: PositionShift] = [:]
        for input in entry.inputs where !unchanged(input) {
            // Changed bytes, the same tokens: kept once its positions are moved (never for the gate).
            guard trustsTimestamps, let shift = sameTokens(input) else { count(\.misses); return nil }
            moved[input.path] = shift
        }
        // A file where the include search found nothing before: a new header could shadow, or satisfy, one.
        for path in entry.absent where memoisedExists(path) { count(\.misses); return nil }
        guard !moved.isEmpty else { count(\.hits); return entry }
        guard let shifted = remapped(entry, moved: moved) else { count(\.misses); return nil }
        count(\.hits)
        count(\.shifted)
        // Stored again under today's texts. The same tokens, so the same include directives: the include search's
        // results (the files found, the paths absent) are the entry's.
        write(job, facts: shifted.facts, inputs: shifted.inputs.map(\.path), absent: shifted.absent)
        return shifted
    }

    public func store(_ job: CompileJob, facts: TranslationUnitFacts, inputs: [String]) {
        guard !facts.failed else { return }   // a crash or unreadable file is retried next time
        // Replayed before hashing, so a file that appears meanwhile is seen by the next lookup. A search that
        // cannot be replayed (a header named by a macro) leaves the unit uncached.
        guard let probes = IncludeSearch(job: job).probes(files: inputs, names: includeNames,
                                                          exists: memoisedExists) else { return }
        write(job, facts: facts, inputs: Set(inputs + probes.found).sorted(), absent: probes.absent)
    }

    /// Stores an entry: each input as it is now (a file modified since the scan began is not trusted to be what
    /// was parsed, and leaves the unit uncached).
    func write(_ job: CompileJob, facts: TranslationUnitFacts, inputs: [String], absent: [String]) {
        var recorded: [Entry.Input] = []
        for path in inputs {
            var st = stat()
            guard stat(path, &st) == 0, Self.mtime(st) < startedNanoseconds, Self.ctime(st) < startedNanoseconds,
                  let hash = contentHash(path) else { return }
            recorded.append(.init(path: path, inode: UInt64(st.st_ino), size: Int64(st.st_size), mtime: Self.mtime(st),
                                  ctime: Self.ctime(st), hash: hash, tokens: tokenDigest(path, hash: hash)))
        }
        let entry = Entry(key: entryKey(job), inputs: recorded, absent: absent, facts: facts)
        guard let body = try? BinaryEncoder().encode(entry) else { return }
        let mac = mac(body)
        // Not flushed to disk: an entry lost to a power cut is rebuilt, a damaged one fails authentication.
        try? AtomicFile.write(Data(mac.utf8) + Data("\n".utf8) + body, to: entryPath(job), durable: false)
    }

    // MARK: - Entries

    struct Entry: Codable {
        struct Input: Codable {
            var path: String
            var inode: UInt64
            var size: Int64
            var mtime: Int64
            var ctime: Int64
            var hash: String
            /// The `TokenText` digest of a file under the root (its text is kept in `texts/`); nil otherwise.
            var tokens: String?
        }
        var key: String
        var inputs: [Input]
        /// Paths the include search looked at and did not find.
        var absent: [String]
        var facts: TranslationUnitFacts
    }

    /// The entry's name: keyed, so the file names in a cache folder say nothing about what was scanned. The
    /// prefix keeps names and tags apart (the same key computes both).
    private func entryKey(_ job: CompileJob) -> String {
        let material = (["sinkmap-entry-name", salt, job.file, job.directory] + job.arguments).joined(separator: "\u{0}")
        return String(HMAC<SHA256>.authenticationCode(for: Array(material.utf8), using: key).hexDigits.prefix(32))
    }

    private func entryPath(_ job: CompileJob) -> String { directory + "/" + entryKey(job) + ".facts" }

    private static let tagPrefix = Array("sinkmap-entry-tag\u{0}".utf8)

    /// HMAC-SHA256 of the entry's body: 64 hex digits, the entry's first line.
    private func mac(_ body: Data) -> String {
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Self.tagPrefix)
        hmac.update(data: body)
        return hmac.finalize().hexDigits
    }

    private func authenticated(_ data: Data) -> Entry? {
        guard let newline = data.firstIndex(of: 0x0a), newline - data.startIndex == 64 else { return nil }
        let tag = Array(data[data.startIndex..<newline])
        let body = data[(newline + 1)...]
        // Constant-time: the tag's digits are compared in full whatever the first difference.
        guard tag.count == 64, Self.equalInConstantTime(tag, Array(mac(Data(body)).utf8)) else { return nil }
        return try? BinaryDecoder().decode(Entry.self, from: body)
    }

    private static func equalInConstantTime(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    func unchanged(_ input: Entry.Input) -> Bool {
        var st = stat()
        guard stat(input.path, &st) == 0, Int64(st.st_size) == input.size else { return false }
        if trustsTimestamps && UInt64(st.st_ino) == input.inode && Self.mtime(st) == input.mtime
            && Self.ctime(st) == input.ctime { return true }
        return contentHash(input.path) == input.hash
    }

    /// Whether anything is at `path` (a dangling link counts: clang would have looked at it too).
    private static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// The header names a file's directives use, read once per scan.
    private func includeNames(_ path: String) -> [IncludeSearch.Name]? {
        memoised(\.headerNames, path) { IncludeSearch.names(ofFile: path) }
    }

    /// `exists`, asked once per path per scan: many units replay the same searches.
    private func memoisedExists(_ path: String) -> Bool {
        memoised(\.existence, path) { Self.exists(path) }
    }

    /// Content hash of a file, computed once per scan.
    func contentHash(_ path: String) -> String? {
        memoised(\.contentHashes, path) { FileManager.default.contents(atPath: path).map { SHA256.hash(data: $0).hexDigits } }
    }

    /// `table[key]`, computed once per scan: outside the lock, so worker threads asking for different files do not
    /// wait on each other (two asking for the same one may both compute it; the answers are the same).
    func memoised<Value>(_ table: ReferenceWritableKeyPath<FactsCache, [String: Value]>, _ key: String,
                         _ compute: () -> Value) -> Value {
        lock.lock()
        if let known = self[keyPath: table][key] { lock.unlock(); return known }
        lock.unlock()
        let value = compute()
        lock.lock()
        self[keyPath: table][key] = value
        lock.unlock()
        return value
    }

    func count(_ counter: ReferenceWritableKeyPath<FactsCache, Int>) {
        lock.lock()
        self[keyPath: counter] += 1
        lock.unlock()
    }

    private static func mtime(_ st: stat) -> Int64 {
        Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    private static func ctime(_ st: stat) -> Int64 {
        Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
    }

    // MARK: - Key

    /// The HMAC key: 32 random bytes (SHA-256's output size), created once per user with mode 0600.
    static let keyBytes = 32

    /// The key in `path`, created when there is none. A key of another size — the 16 bytes sinkmap's SipHash
    /// cache used — is replaced by a new one (the entries it signed are of an older format anyway).
    static func loadOrCreateKey(_ path: String) -> SymmetricKey? {
        if let key = readKey(path) { return key }
        let dir = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)) != nil else { return nil }
        let key = SymmetricKey(size: SymmetricKeySize(bitCount: keyBytes * 8))
        let bytes = key.withUnsafeBytes { Data($0) }
        let tmp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: tmp, contents: bytes, attributes: [.posixPermissions: 0o600]) else { return nil }
        defer { unlink(tmp) }
        if link(tmp, path) == 0 { return key }
        // Another process may have won the race: whoever linked first wins, and everyone reads that key.
        if let theirs = readKey(path) { return theirs }
        // A key of an older size: replaced atomically.
        return rename(tmp, path) == 0 ? key : nil
    }

    private static func readKey(_ path: String) -> SymmetricKey? {
        guard let data = FileManager.default.contents(atPath: path), data.count == keyBytes else { return nil }
        return SymmetricKey(data: data)
    }
}
