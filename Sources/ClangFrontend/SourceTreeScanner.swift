import Foundation
import SinkmapCore

/// Finds translation units in a tree that has no compilation database, and gives each default flags for its
/// language, `-I` for the root, every `include/` folder and its own folder — and for each folder between its own
/// and the root where one of the quoted includes it (or a header of the tree it includes) names is found
/// (`examples/cli/cli.cpp` including `"common.h"` of `examples/`). Never follows a symlink into a loop:
/// directories are visited once by device and inode.
///
/// Folders that hold build output or tooling (`isSkippedFolder`, listed in Docs/configuration.md), and folders of
/// sources for other targets (`isOtherTargetFolder`: other CPU architectures, Android/iOS/WebAssembly, accelerator
/// back-ends; scanned with `allTargets`) are not scanned, but they are still walked: every C/C++ source under them
/// is returned as `skipped`, so a skip is reported and never silent. Files whose root-relative path matches an
/// `exclude` glob are neither scanned nor reported.
public struct SourceTreeScanner {
    public static let sourceExtensions: Set<String> = ["c", "cc", "cpp", "cxx", "c++", "m", "mm"]
    /// Folders that hold build output or tooling, not the project's sources.
    public static let skippedFolders: Set<String> = [
        "build", "builds", "_build", "out", "CMakeFiles", "node_modules", "Pods", "DerivedData",
    ]

    public let root: String
    public var extraArguments: [String] = []
    /// Extra arguments and default standards per language (`--extra-arg-c`, `--extra-arg-cxx`, `--std`).
    public var languageFlags = LanguageFlags()
    /// Scan the folders of other targets too (`--all-targets`).
    public var allTargets = false
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
        var finder = ParentIncludeFinder(root: root, boundary: boundary, searched: [root] + includeDirs,
                                         headerFolders: found.headerFolders)
        let jobs = sources.sorted().map { file in
            let own = (file as NSString).deletingLastPathComponent
            let parents = finder.folders(for: file).flatMap { ["-I", $0] }
            let language = SourceLanguage.of(file: file, arguments: [])
            return CompileJob(file: file,
                              arguments: Self.languageArguments(for: file, standards: languageFlags) + includes + ["-I", own]
                                  + parents + languageFlags.extra(for: language) + extraArguments,
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
        /// Header file name → the scanned folders holding one of that name.
        var headerFolders: [String: [String]] = [:]
    }

    static let headerExtensions: Set<String> = ["h", "hh", "hpp", "hxx", "h++", "inl", "inc", "ipp", "tcc"]

    public static func languageArguments(for file: String, standards: LanguageFlags = LanguageFlags()) -> [String] {
        let c = "-std=" + (standards.standardC ?? "gnu11")
        let cxx = "-std=" + (standards.standardCXX ?? "gnu++17")
        switch (file as NSString).pathExtension.lowercased() {
        // Linux builds define _GNU_SOURCE for C as g++ always does for C++ (CPU_ZERO, memrchr, …).
        case "c": return ["-x", "c", c] + gnuSource
        case "m": return ["-x", "objective-c", "-fblocks"] + (standards.standardC.map { ["-std=" + $0] } ?? [])
        case "mm": return ["-x", "objective-c++", cxx, "-fblocks"]
        default: return ["-x", "c++", cxx]
        }
    }

    #if os(Linux)
    static let gnuSource = ["-D_GNU_SOURCE"]
    #else
    static let gnuSource: [String] = []
    #endif

    public static func isSkippedFolder(_ name: String) -> Bool {
        name.hasPrefix(".") || skippedFolders.contains(name) || name.hasPrefix("cmake-build-")
            || name.hasPrefix("bazel-")
    }

    /// Folders of sources for another CPU architecture than this machine's, or another platform, or an accelerator
    /// back-end whose SDK a plain build does not have (Docs/configuration.md, "Sources for other targets"): a walk
    /// would parse them with the wrong target and report errors, not calls. Matched by the folder's name.
    /// `parent`: the name of the folder holding it (`bindings/ruby`: bindings for another language's runtime).
    public static func isOtherTargetFolder(_ name: String, parent: String? = nil) -> Bool {
        let n = name.lowercased()
        if otherArchitectureFolders.contains(n) { return true }
        if otherPlatformFolders.contains(n) || n.hasSuffix(".wasm") || n.hasSuffix(".android") || n.hasSuffix(".objc")
            || n.hasSuffix(".swiftui") || n.hasSuffix(".node") || n.hasPrefix("whisper.android") || n.hasPrefix("llama.android") {
            return true
        }
        if parent?.lowercased() == "bindings", runtimeBindings.contains(n) { return true }
        return acceleratorFolders.contains(n)
    }

    /// `bindings/NAME`: extensions built by another language's tool chain against its runtime's headers (`ruby.h`,
    /// `node_api.h`, `jni.h`, `Python.h`, emscripten's `bind.h`), not by the project's build.
    static let runtimeBindings: Set<String> = ["ruby", "javascript", "js", "node", "nodejs", "java", "python", "go",
                                               "rust", "swift", "csharp", "dotnet", "php", "lua", "r"]

    /// CPU architectures other than the host's.
    static let otherArchitectureFolders: Set<String> = {
        var names: Set<String> = ["riscv", "riscv64", "rvv", "loongarch", "loongarch64", "powerpc", "ppc", "ppc64",
                                  "ppc64le", "s390", "s390x", "mips", "mips64", "wasm", "wasm32", "wasm64", "sparc"]
        #if arch(x86_64) || arch(i386)
        names.formUnion(["arm", "arm64", "aarch64", "armv7", "armv8", "neon", "kleidiai", "sve"])
        #elseif arch(arm64) || arch(arm)
        names.formUnion(["x86", "x86_64", "amd64", "x64", "avx", "avx2", "avx512", "amx"])
        #endif
        return names
    }()

    /// Platforms whose system headers a Linux or macOS host does not have: Android (JNI), iOS, WebAssembly, and on
    /// Linux Apple's own frameworks.
    static let otherPlatformFolders: Set<String> = {
        var names: Set<String> = ["android", "jni", "ios", "emscripten", "webassembly", "wasi", "wasm", "javascript"]
        #if os(Linux)
        names.formUnion(["coreml", "metal", "ggml-metal", "macos", "objc"])
        #endif
        return names
    }()

    /// Accelerator back-ends built only with their vendor's SDK (CUDA, ROCm/HIP, SYCL, Vulkan, OpenCL, Ascend CANN,
    /// MUSA, Kompute, WebGPU, IBM zDNN): ggml's `ggml-*` folders by name.
    static let acceleratorFolders: Set<String> = [
        "ggml-cuda", "ggml-hip", "ggml-sycl", "ggml-vulkan", "ggml-opencl", "ggml-cann", "ggml-musa", "ggml-kompute",
        "ggml-webgpu", "ggml-zdnn", "ggml-metal", "ggml-blas", "cuda", "sycl", "cann", "musa", "openvino",
    ]

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
                let parent = (dir as NSString).lastPathComponent
                let skip = skipping || Self.isSkippedFolder(name)
                    || (!allTargets && Self.isOtherTargetFolder(name, parent: parent))
                if name == "include" && !skip { found.includeDirs.append(path) }
                walk(path, into: &found, skipping: skip, seen: &seen)
            } else if (entry.st_mode & S_IFMT) == S_IFREG,
                      Self.sourceExtensions.contains((name as NSString).pathExtension.lowercased()) {
                if skipping { found.skipped.append(path) } else { found.sources.append(path) }
            } else if !skipping, (entry.st_mode & S_IFMT) == S_IFREG,
                      Self.headerExtensions.contains((name as NSString).pathExtension.lowercased()) {
                found.headerFolders[name, default: []].append(dir)
            }
        }
    }
}

/// The folders between a source's own and the root where a header it includes by a quoted name is found, in the
/// order found: a program in `examples/cli/` including `"common.h"` of `examples/` (its build adds `-I examples`).
/// Follows the tree's headers it finds (a header including another one folder up), reading each file of the tree
/// once for all sources. Never reads outside the tree.
struct ParentIncludeFinder {
    let root: String
    let boundary: TreeBoundary?
    /// Folders every unit searches already (the root, the `include/` folders).
    let searched: [String]
    /// Header file name → the scanned folders holding one (for a quoted include found in no folder up to the root).
    let headerFolders: [String: [String]]
    private var namesByFile: [String: [IncludeSearch.Name]] = [:]
    /// Headers examined per source at most: a bound for pathological trees.
    static let maximumHeaders = 400
    /// Source and header size read at most.
    static let maximumFileBytes = 4 << 20

    init(root: String, boundary: TreeBoundary?, searched: [String], headerFolders: [String: [String]] = [:]) {
        self.root = root
        self.boundary = boundary
        self.searched = searched
        self.headerFolders = headerFolders
    }

    mutating func folders(for source: String) -> [String] {
        var added: [String] = []
        var queue = [source]
        var visited: Set<String> = [source]
        while let file = queue.popLast(), visited.count <= Self.maximumHeaders {
            let own = (file as NSString).deletingLastPathComponent
            for (name, quoted) in names(file) where !name.hasPrefix("/") && !name.isEmpty {
                let first = (quoted ? [own] : []) + searched + added
                if let hit = first.lazy.map({ Self.join($0, name) }).first(where: isTreeFile) {
                    if visited.insert(hit).inserted { queue.append(hit) }
                    continue
                }
                guard quoted else { continue }
                // Up from the including file's folder to the root: the first folder holding it.
                var dir = (own as NSString).deletingLastPathComponent
                var resolved = false
                while dir.hasPrefix(root), dir.count >= root.count {
                    let candidate = Self.join(dir, name)
                    if isTreeFile(candidate) {
                        added.append(dir)
                        resolved = true
                        if visited.insert(candidate).inserted { queue.append(candidate) }
                        break
                    }
                    if dir == root { break }
                    dir = (dir as NSString).deletingLastPathComponent
                }
                // Else the one folder of the tree that holds it, when only one does (a sibling library folder:
                // `examples/wchess/wchess.cmd/` including `"WChess.h"` of `examples/wchess/libwchess/`).
                if !resolved, let folder = uniqueFolder(holding: name) {
                    added.append(folder)
                    let candidate = Self.join(folder, name)
                    if visited.insert(candidate).inserted { queue.append(candidate) }
                }
            }
        }
        return added
    }

    /// The folder `F` with `F/name` a file of the tree, when exactly one folder qualifies.
    private func uniqueFolder(holding name: String) -> String? {
        let parts = name.split(separator: "/").map(String.init)
        guard let base = parts.last, !parts.contains(".."), let holders = headerFolders[base] else { return nil }
        let prefix = parts.dropLast().joined(separator: "/")
        let folders = Set(holders.compactMap { holder -> String? in
            guard prefix.isEmpty || holder.hasSuffix("/" + prefix) else { return nil }
            return prefix.isEmpty ? holder : String(holder.dropLast(prefix.count + 1))
        })
        guard folders.count == 1, let folder = folders.first, isTreeFile(Self.join(folder, name)) else { return nil }
        return folder
    }

    static func join(_ dir: String, _ name: String) -> String {
        URL(fileURLWithPath: (dir as NSString).appendingPathComponent(name)).standardizedFileURL.path
    }

    /// A regular file inside the tree (never a link out, never /proc and its kind).
    private func isTreeFile(_ path: String) -> Bool {
        guard path.hasPrefix(root + "/") else { return false }
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
        if let boundary, !boundary.allows(path) { return false }
        return true
    }

    private mutating func names(_ file: String) -> [IncludeSearch.Name] {
        if let known = namesByFile[file] { return known }
        var found: [IncludeSearch.Name] = []
        if let data = try? RegularFile.read(file, limit: Self.maximumFileBytes) {
            // A directive naming its header through a macro is skipped; the literal ones still count.
            let text = String(decoding: data, as: UTF8.self)
            found = IncludeSearch.names(in: text) ?? Self.literalNames(in: text)
        }
        namesByFile[file] = found
        return found
    }

    /// The literal `#include "x"` names of a text that also has a macro include.
    static func literalNames(in text: String) -> [IncludeSearch.Name] {
        text.split(separator: "\n").compactMap { line -> IncludeSearch.Name? in
            IncludeSearch.names(in: String(line)).flatMap { $0.first }
        }
    }
}
