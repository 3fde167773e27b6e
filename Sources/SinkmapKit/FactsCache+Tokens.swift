import ClangFrontend
import Crypto
import Foundation
import SinkmapCore

/// Entries keyed by tokens, not bytes: a file under the root that changed without changing its tokens (a comment,
/// white space, lines moved — `TokenText`) keeps the entries of the units that read it; their facts' positions are
/// moved to the new text (`PositionShift`, `PositionRemap`) so the report is byte for byte a fresh scan's. Only
/// for `scan`: the gate (`trustsTimestamps == false`) compares bytes, as before.
///
/// Two things a token comparison cannot see make a unit parse again instead: a moved file that expands
/// something whose value is its own line (`__LINE__`, `__builtin_LINE()`, `std::source_location`, a macro built
/// on them or one that pastes tokens — `PositionalMacros`), and a position the remap cannot place.
extension FactsCache {
    /// Files larger than this are compared by bytes only (their text is not copied into the cache).
    static let largestTokenFile = 4 << 20

    var textsDirectory: String { directory + "/texts" }

    /// The `TokenText` digest of an in-tree file (nil outside the root, too large, or not readable as tokens); its
    /// text is kept under `texts/<content hash>` so a later scan can move positions from it.
    func tokenDigest(_ path: String, hash: String) -> String? {
        guard !root.isEmpty, path.hasPrefix(root == "/" ? "/" : root + "/") else { return nil }
        return memoised(\.tokenDigests, path) {
            guard let data = try? RegularFile.read(path, limit: Self.largestTokenFile), SHA256.hash(data: data).hexDigits == hash,
                  let text = TokenText(Array(data)) else { return nil }
            keepText(data, hash: hash)
            return text.digest
        }
    }

    private func keepText(_ data: Data, hash: String) {
        lock.lock()
        let fresh = storedTexts.insert(hash).inserted
        lock.unlock()
        let path = textsDirectory + "/" + hash
        guard fresh, !FileManager.default.fileExists(atPath: path) else { return }
        try? FileManager.default.createDirectory(atPath: textsDirectory, withIntermediateDirectories: true)
        try? AtomicFile.write(data, to: path, durable: false)
    }

    /// The shift from the entry's version of a file to today's, when only white space and comments changed.
    func sameTokens(_ input: Entry.Input) -> PositionShift? {
        guard let tokens = input.tokens else { return nil }
        return memoised(\.shiftMemo, input.path + "\u{0}" + input.hash) {
            guard let now = try? RegularFile.read(input.path, limit: Self.largestTokenFile),
                  let text = TokenText(Array(now)), text.digest == tokens,
                  let old = try? RegularFile.read(textsDirectory + "/" + input.hash, limit: Self.largestTokenFile),
                  SHA256.hash(data: old).hexDigits == input.hash   // the kept text is the one the entry hashed
            else { return nil }
            return PositionShift(old: Array(old), new: Array(now))
        }
    }

    /// The entry with its positions moved and its inputs as they are now; nil when it cannot be kept.
    func remapped(_ entry: Entry, moved: [String: PositionShift]) -> Entry? {
        guard !linePositional(entry.inputs.map(\.path), moved: Array(moved.keys)) else { return nil }
        let files = entry.inputs.map { (spellings: spellings(of: $0.path), shift: moved[$0.path]) }
        guard let facts = try? PositionRemap(files: files).facts(entry.facts) else { return nil }
        var kept = entry
        kept.facts = facts
        return kept
    }

    /// The ways facts spell a file the unit read: as the report shows it (root-relative under the root), canonical,
    /// and as libclang named it. Once per path per scan (each is a `realpath`).
    private func spellings(of path: String) -> [String] {
        memoised(\.spellingMemo, path) {
            let canonical = PathResolver.canonical(path)
            let shown = root.isEmpty ? canonical : PathResolver.display(canonical: canonical, root: root)
            var spellings: [String] = []
            for s in [shown, canonical, path] where !spellings.contains(s) { spellings.append(s) }
            return spellings
        }
    }

    /// Whether a moved file uses anything whose value is the line it is expanded on, through the macros the unit's
    /// files define. Unreadable files count as positional.
    private func linePositional(_ inputs: [String], moved: [String]) -> Bool {
        for path in inputs where !indexMacros(path) { return true }
        let files = Set(inputs)
        lock.lock()
        let index = macroIndex
        lock.unlock()
        let definitions = { (name: String) in (index[name] ?? []).filter { files.contains($0.path) }.map(\.body) }
        return moved.contains { path in
            guard let used = usedNames(path) else { return true }
            return PositionalMacros.usesPosition(used, definitions: definitions)
        }
    }

    /// Adds a file's macro definitions to `macroIndex` once per scan; false when it cannot be read.
    private func indexMacros(_ path: String) -> Bool {
        lock.lock()
        if let known = macroMemo[path] { lock.unlock(); return known }
        lock.unlock()
        let summary = (try? RegularFile.read(path, limit: 64 << 20)).map { PositionalMacros(Array($0)) }
        lock.lock()
        defer { lock.unlock() }
        if let known = macroMemo[path] { return known }
        macroMemo[path] = summary != nil
        for (name, body) in summary?.definitions ?? [:] { macroIndex[name, default: []].append((path, body)) }
        return summary != nil
    }

    /// The names a moved file uses outside its `#define`s.
    private func usedNames(_ path: String) -> Set<String>? {
        memoised(\.usedNames, path) {
            (try? RegularFile.read(path, limit: 64 << 20)).map { PositionalMacros(Array($0), names: true).used }
        }
    }
}
