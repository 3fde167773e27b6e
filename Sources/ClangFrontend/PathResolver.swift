import Foundation

/// Turns the file names libclang reports into the report's spelling: relative to the scanned root with `/`
/// when the file is under it, absolute (symlinks resolved) otherwise. One per worker thread, so it caches freely.
public final class PathResolver {
    let root: String
    private var cache: [String: String] = [:]

    public init(root: String) {
        self.root = PathResolver.canonical(root)
    }

    public func display(_ raw: String) -> String {
        if let hit = cache[raw] { return hit }
        let shown = Self.display(canonical: PathResolver.canonical(raw), root: root)
        cache[raw] = shown
        return shown
    }

    /// The report's spelling of a canonical path under a canonical root.
    public static func display(canonical real: String, root: String) -> String {
        if real == root { return "." }
        if real.hasPrefix(root == "/" ? "/" : root + "/") { return String(real.dropFirst(root == "/" ? 1 : root.count + 1)) }
        return real
    }

    /// Folders of the system's own headers: diagnostics there are shown in full.
    static let systemHeaderFolders = ["/usr/include/", "/usr/local/include/", "/usr/lib/gcc/", "/usr/lib/llvm-", "/usr/lib/clang/"]

    /// Whether text from this file (a diagnostic's message, which quotes its tokens) may be shown: it is in the
    /// scanned tree or among the system's headers. Anything else a tree made libclang read — `#include
    /// "/abs/secrets"`, `-include`, `-I/` — is shown by location only.
    func mayQuote(_ raw: String) -> Bool {
        let shown = display(raw)
        return !shown.hasPrefix("/") || Self.systemHeaderFolders.contains { shown.hasPrefix($0) }
    }

    /// Absolute, symlink-free, `.`/`..`-free spelling; falls back to lexical clean-up for missing files.
    public static func canonical(_ path: String) -> String {
        if let r = realpath(path, nil) {
            defer { free(r) }
            return String(cString: r)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
