import Foundation
import SinkmapCore

/// Finds translation units in a tree that has no compilation database, and gives each default flags for its
/// language, `-I` for the root, every `include/` folder and its own folder. Never follows a symlink into a
/// loop: directories are visited once by device and inode.
///
/// Folders that hold build output or tooling (`isSkippedFolder`, listed in Docs/configuration.md) are not scanned,
/// but they are still walked: every C/C++ source under them is returned as `skipped`, so a skip is reported and
/// never silent. Files whose root-relative path matches an `exclude` glob are neither scanned nor reported.
public struct SourceTreeScanner {
    public static let sourceExtensions: Set<String> = ["c", "cc", "cpp", "cxx", "c++", "m", "mm"]
    /// Folders that hold build output or tooling, not the project's sources.
    public static let skippedFolders: Set<String> = [
        "build", "builds", "_build", "out", "CMakeFiles", "node_modules", "Pods", "DerivedData",
    ]

    public let root: String
    public var extraArguments: [String] = []
    /// Links out of the tree and special filesystems are not walked; each is listed as `unreadable`.
    public var boundary: TreeBoundary?
    /// `exclude:` globs of the configuration, matched against root-relative paths (`fnmatch`, `*` crosses `/`).
    public var exclude: [String] = []

    public init(root: String, extraArguments: [String] = [], exclude: [String] = []) {
        self.root = root
        self.extraArguments = extraArguments
        self.exclude = exclude
    }

    /// The units to parse; the folders that could not be read; the sources under skipped folders (absolute).
    public func jobs() -> (jobs: [CompileJob], unreadable: [String], skipped: [String]) {
        var found = Found()
        var seen = Set<String>()
        walk(root, into: &found, skipping: false, seen: &seen)
        let sources = found.sources.filter { !isExcluded($0) }
        let includeDirs = found.includeDirs
        let includes = ["-I", root] + includeDirs.sorted().flatMap { ["-I", $0] }
        let jobs = sources.sorted().map { file in
            let own = (file as NSString).deletingLastPathComponent
            return CompileJob(file: file,
                              arguments: Self.languageArguments(for: file) + includes + ["-I", own] + extraArguments,
                              directory: root)
        }
        return (jobs, found.unreadable.sorted(), found.skipped.filter { !isExcluded($0) }.sorted())
    }

    /// Whether `exclude:` names the file (an absolute path under the root).
    func isExcluded(_ path: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        return exclude.contains { fnmatch($0, relative, 0) == 0 }
    }

    private struct Found {
        var sources: [String] = []
        var skipped: [String] = []
        var includeDirs: [String] = []
        var unreadable: [String] = []
    }

    public static func languageArguments(for file: String) -> [String] {
        switch (file as NSString).pathExtension.lowercased() {
        case "c": return ["-x", "c", "-std=gnu11"]
        case "m": return ["-x", "objective-c", "-fblocks"]
        case "mm": return ["-x", "objective-c++", "-std=gnu++17", "-fblocks"]
        default: return ["-x", "c++", "-std=gnu++17"]
        }
    }

    public static func isSkippedFolder(_ name: String) -> Bool {
        name.hasPrefix(".") || skippedFolders.contains(name) || name.hasPrefix("cmake-build-")
            || name.hasPrefix("bazel-")
    }

    /// `skipping`: inside a skipped folder, where sources are only listed as `skipped`.
    private func walk(_ dir: String, into found: inout Found, skipping: Bool, seen: inout Set<String>) {
        var st = stat()
        guard stat(dir, &st) == 0 else { found.unreadable.append(dir); return }
        let key = "\(st.st_dev):\(st.st_ino)"
        guard seen.insert(key).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        } catch {
            found.unreadable.append(dir)
            return
        }
        for name in names {
            let path = dir + "/" + name
            if let boundary, boundary.refusesEntry(path) { found.unreadable.append(path); continue }
            var entry = stat()
            guard stat(path, &entry) == 0 else {
                // A name Foundation could not decode (not UTF-8) cannot be opened again by its spelling: say so
                // rather than skip it silently. Dangling symlinks are skipped without a word.
                if name.unicodeScalars.contains("\u{FFFD}"),
                   Self.sourceExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    found.unreadable.append(path)
                }
                continue
            }
            if (entry.st_mode & S_IFMT) == S_IFDIR {
                let skip = skipping || Self.isSkippedFolder(name)
                if name == "include" && !skip { found.includeDirs.append(path) }
                walk(path, into: &found, skipping: skip, seen: &seen)
            } else if (entry.st_mode & S_IFMT) == S_IFREG,
                      Self.sourceExtensions.contains((name as NSString).pathExtension.lowercased()) {
                if skipping { found.skipped.append(path) } else { found.sources.append(path) }
            }
        }
    }
}
