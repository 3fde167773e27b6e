import Foundation
import SinkmapCore

/// Finds translation units in a tree that has no compilation database, and gives each default flags for its
/// language, `-I` for the root, every `include/` folder and its own folder. Never follows a symlink into a
/// loop: directories are visited once by device and inode.
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

    public init(root: String, extraArguments: [String] = []) {
        self.root = root
        self.extraArguments = extraArguments
    }

    public func jobs() -> (jobs: [CompileJob], unreadable: [String]) {
        var sources: [String] = []
        var includeDirs: [String] = []
        var unreadable: [String] = []
        var seen = Set<String>()
        walk(root, sources: &sources, includeDirs: &includeDirs, unreadable: &unreadable, seen: &seen)
        let includes = ["-I", root] + includeDirs.sorted().flatMap { ["-I", $0] }
        let jobs = sources.sorted().map { file in
            let own = (file as NSString).deletingLastPathComponent
            return CompileJob(file: file,
                              arguments: Self.languageArguments(for: file) + includes + ["-I", own] + extraArguments,
                              directory: root)
        }
        return (jobs, unreadable.sorted())
    }

    public static func languageArguments(for file: String) -> [String] {
        switch (file as NSString).pathExtension.lowercased() {
        case "c": return ["-x", "c", "-std=gnu11"]
        case "m": return ["-x", "objective-c", "-fblocks"]
        case "mm": return ["-x", "objective-c++", "-std=gnu++17", "-fblocks"]
        default: return ["-x", "c++", "-std=gnu++17"]
        }
    }

    static func isSkippedFolder(_ name: String) -> Bool {
        name.hasPrefix(".") || skippedFolders.contains(name) || name.hasPrefix("cmake-build-")
            || name.hasPrefix("bazel-")
    }

    private func walk(_ dir: String, sources: inout [String], includeDirs: inout [String],
                      unreadable: inout [String], seen: inout Set<String>) {
        var st = stat()
        guard stat(dir, &st) == 0 else { unreadable.append(dir); return }
        let key = "\(st.st_dev):\(st.st_ino)"
        guard seen.insert(key).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        } catch {
            unreadable.append(dir)
            return
        }
        for name in names {
            let path = dir + "/" + name
            if let boundary, boundary.refusesEntry(path) { unreadable.append(path); continue }
            var entry = stat()
            guard stat(path, &entry) == 0 else {
                // A name Foundation could not decode (not UTF-8) cannot be opened again by its spelling: say so
                // rather than skip it silently. Dangling symlinks are skipped without a word.
                if name.unicodeScalars.contains("\u{FFFD}"),
                   Self.sourceExtensions.contains((name as NSString).pathExtension.lowercased()) {
                    unreadable.append(path)
                }
                continue
            }
            if (entry.st_mode & S_IFMT) == S_IFDIR {
                if Self.isSkippedFolder(name) { continue }
                if name == "include" { includeDirs.append(path) }
                walk(path, sources: &sources, includeDirs: &includeDirs, unreadable: &unreadable, seen: &seen)
            } else if (entry.st_mode & S_IFMT) == S_IFREG,
                      Self.sourceExtensions.contains((name as NSString).pathExtension.lowercased()) {
                sources.append(path)
            }
        }
    }
}
