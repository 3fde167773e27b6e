import CSystem
import Crypto
import Foundation
import SinkmapCore

/// What one unit is parsed with instead of its opening `#include` lines: a precompiled header of exactly those
/// lines, built once per scan by the first worker that needs it and loaded by every other unit that opens with them.
public struct Preamble: Codable, Hashable, Sendable {
    /// SHA-256 of the flags, the language and the directives: the file names below.
    public var key: String
    /// The directives, in order, as the header holds them (`#include <vector>`).
    public var directives: [String]
    /// `c-header` or `c++-header`.
    public var headerLanguage: String
    /// The folder of this scan's preambles (`h/KEY.h`, `KEY.pch`, `KEY.inputs`, `KEY.lock`, `KEY.failed`).
    public var directory: String

    public var header: String { directory + "/h/" + key + ".h" }
    public var pch: String { directory + "/" + key + ".pch" }
    /// The files the preamble read (JSON), written before the `.pch` appears.
    var inputs: String { directory + "/" + key + ".inputs" }
    var lock: String { directory + "/" + key + ".lock" }
    var failedMarker: String { directory + "/" + key + ".failed" }
}

/// Shared preambles (issue 15): units with the same flags that open with the same `#include` lines share one
/// precompiled header of those lines. Each unit is then parsed with the header loaded (`-include-pch`) and its own
/// text with those lines blanked out — the same bytes at the same offsets otherwise — so clang sees exactly the
/// sequence of tokens it would have seen, and the facts are the same (`SharedPreambleTests`).
///
/// The rules that keep it exact:
/// - Only the run of `#include` lines a file opens with (`LeadingInclude`), under flags that add nothing before the
///   file (`-include`, `-imacros`, `-Xclang` keep a unit out), C and C++ only (`-x c`, `-x c++` or the extension),
///   and not with `-fms-compatibility` (its quoted search looks beside every file up the include stack).
/// - A `"name"` is searched first beside the including file: beside the unit it must not exist (the preamble's own
///   folder holds only SHA-256 names), and it must not climb (`..`) or be absolute; else the run stops before it.
/// - A unit takes the prefix of its run, among those at least `minimumUnits` units of its flags open with, that
///   saves the most parsing: (units sharing it − 1) × its length. A preamble fewer units would load is not built.
/// - A preamble whose header does not build cleanly, or that reads a file using `__BASE_FILE__` (the main file's
///   name, which differs), is not used; a unit parsed with one that shows any error, or
///   whose worker crashed, is parsed again without it.
/// - Every file the preamble read is recorded when it is built and added to the inputs of each unit that loads it:
///   libclang lists only some of a precompiled header's files as the unit's inclusions, and the cache must see all.
/// The precompiled headers live in a private temporary folder for the scan and are removed with it: never one the
/// tree supplies, never kept between runs.
public final class SharedPreambles: @unchecked Sendable {
    public var minimumUnits: Int
    /// This scan's private folder, made when preambles are first planned (a scan answered from the cache makes
    /// none); nil before, and when it cannot be made (every unit is then parsed whole).
    public private(set) var directory: String?
    private let lock = NSLock()
    private var planned: [Int: Preamble] = [:]
    private var disabled = Set<String>()
    private var usedCount = 0

    public init(minimumUnits: Int = 2) {
        self.minimumUnits = max(1, minimumUnits)
    }

    deinit {
        guard let directory else { return }
        try? FileManager.default.removeItem(atPath: directory)
        AtomicFile.forgetTemporaryFolder(directory)
    }

    /// `$TMPDIR/sinkmap-preambles.XXXXXX` (mode 0700) with its `h/` folder, registered so an interrupted scan
    /// removes it too; nil when it cannot be made.
    private static func makeFolder() -> String? {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("sinkmap-preambles.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        let folder = String(cString: made)
        guard mkdir(folder + "/h", 0o700) == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            return nil
        }
        AtomicFile.registerTemporaryFolder(folder)
        return folder
    }

    /// Units parsed with a shared preamble so far.
    public var used: Int { lock.lock(); defer { lock.unlock() }; return usedCount }

    func recordUse() { lock.lock(); usedCount += 1; lock.unlock() }

    /// A preamble that crashed or failed a unit is not offered again in this scan.
    func disable(_ key: String) { lock.lock(); disabled.insert(key); lock.unlock() }

    /// Plans the preambles of the units `parsing` (indices into `jobs`): the units left after the cache.
    public func plan(_ jobs: [CompileJob], parsing: [Int]) {
        if directory == nil { directory = Self.makeFolder() }
        guard let directory else { return }
        let chosen = Self.plan(parsing.map { jobs[$0] }, directory: directory, minimumUnits: minimumUnits)
        lock.lock()
        planned = Dictionary(uniqueKeysWithValues: chosen.map { (parsing[$0.key], $0.value) })
        lock.unlock()
    }

    /// The preamble planned for `jobs[index]`, unless it was disabled.
    public func preamble(for index: Int) -> Preamble? {
        lock.lock(); defer { lock.unlock() }
        guard let p = planned[index], !disabled.contains(p.key) else { return nil }
        return p
    }

    static func plan(_ jobs: [CompileJob], directory: String, minimumUnits: Int) -> [Int: Preamble] {
        struct Candidate { var group: String; var language: String; var directives: [String] }
        var candidates: [Int: Candidate] = [:]
        var counts: [String: Int] = [:]
        func prefixKey(_ group: String, _ directives: ArraySlice<String>) -> String {
            SHA256.hex(([group] + directives).joined(separator: "\n"))
        }
        for (i, job) in jobs.enumerated() {
            guard let language = headerLanguage(job), let data = try? RegularFile.read(job.file, limit: 8 << 20) else { continue }
            let folder = (job.file as NSString).deletingLastPathComponent
            var directives: [String] = []
            for include in LeadingInclude.run(of: [UInt8](data)) {
                if include.isQuoted, !searchesAlike(include.name, from: folder) { break }
                directives.append(include.directive)
            }
            guard !directives.isEmpty else { continue }
            let group = SHA256.hex((["sinkmap-preamble", language] + job.arguments).joined(separator: "\u{0}"))
            candidates[i] = Candidate(group: group, language: language, directives: directives)
            for k in 1...directives.count { counts[prefixKey(group, directives[..<k]), default: 0] += 1 }
        }
        var chosen: [Int: Preamble] = [:]
        var users: [String: Int] = [:]
        for (i, c) in candidates {
            // The prefix that saves the most: (units sharing it − 1) × its length, the longer one on a tie. A
            // longer prefix shared by fewer units saves less than a shorter one most of them open with.
            var best: (k: Int, saving: Int)?
            for k in 1...c.directives.count {
                let sharing = counts[prefixKey(c.group, c.directives[..<k])]!
                guard sharing >= minimumUnits else { break }
                let saving = (sharing - 1) * k
                if best == nil || saving >= best!.saving { best = (k, saving) }
            }
            guard let k = best?.k else { continue }
            let key = prefixKey(c.group, c.directives[..<k])
            chosen[i] = Preamble(key: key, directives: Array(c.directives[..<k]), headerLanguage: c.language, directory: directory)
            users[key, default: 0] += 1
        }
        let kept = chosen.filter { users[$0.value.key]! >= minimumUnits }
        TranslationUnitIndexer.debug("\(kept.count) of \(jobs.count) units share \(Set(kept.values.map(\.key)).count) preambles; "
            + Set(kept.values.map { "\(users[$0.key]!) × \($0.directives.joined(separator: " "))" }).sorted().joined(separator: "; "))
        return kept
    }

    /// `c-header` or `c++-header` for a C or C++ unit whose flags add nothing before its text; nil for the rest.
    static func headerLanguage(_ job: CompileJob) -> String? {
        // `-fms-compatibility` searches a quoted name beside every file up the include stack, which would be the
        // preamble's header there and the unit in a whole parse.
        let excluded = ["-include", "--include", "-imacros", "--imacros", "-Xclang", "-include-pch", "-fmodules",
                        "-fms-compatibility", "--driver-mode"]
        guard !job.arguments.contains(where: { a in excluded.contains { a.hasPrefix($0) } }) else { return nil }
        if let declared = SourceLanguage.declared(in: job.arguments) {
            switch declared {
            case "c": return "c-header"
            case "c++": return "c++-header"
            default: return nil
            }
        }
        switch (job.file as NSString).pathExtension {
        case "c": return "c-header"
        case "cc", "cpp", "cxx", "c++", "C": return "c++-header"
        default: return nil
        }
    }

    /// Whether `"name"` included from a unit in `folder` is found where the same line in the preamble header finds
    /// it: neither looks beside itself first with anything there.
    static func searchesAlike(_ name: String, from folder: String) -> Bool {
        guard !name.hasPrefix("/"), !name.split(separator: "/").contains(".."),
              !(name.utf8.count == 66 && name.hasSuffix(".h")) else { return false }
        var st = stat()
        return lstat(folder + "/" + name, &st) != 0 && (errno == ENOENT || errno == ENOTDIR)
    }
}
