import Foundation
import SinkmapCore

/// Decides the `Origin` of every file of a scan, once (Docs/threat-context.md, "Whose code").
///
/// In order: a file outside the scanned root (an absolute path in the report) or a function known only by name is
/// `external`; a path matching a `project:` glob of sinkmap.yml is `project`; one matching a `vendored:` glob, lying
/// under a submodule path of the root's `.gitmodules`, under a conventional folder for other people's code
/// (`third_party/`, `3rdparty/`, `vendor/`, `external/`, `extern/`, `deps/`, `_deps/`, `subprojects/`, …), under a
/// `ggml/` folder that carries its own CMake project, or that is a well-known single-header library
/// (`httplib.h`, `json.hpp`, `stb_image.h`, …) is `vendored`; everything else is `project`.
public struct OriginClassifier: Sendable {
    /// Folder names that hold other people's code, compared case-insensitively.
    public static let vendorFolders: Set<String> = ["third_party", "third-party", "thirdparty", "3rdparty", "3rd_party",
                                                    "vendor", "vendors", "vendored", "external", "externals", "extern",
                                                    "deps", "_deps", "subprojects", "submodules"]
    /// File names of single-header libraries commonly copied into trees.
    public static let singleHeaderLibraries: Set<String> = [
        "httplib.h", "json.hpp", "json_fwd.hpp", "miniaudio.h", "dr_wav.h", "dr_mp3.h", "dr_flac.h", "cxxopts.hpp",
        "CLI11.hpp", "doctest.h", "catch.hpp", "catch_amalgamated.hpp", "tinyformat.h", "sqlite3.c", "sqlite3.h",
        "linenoise.h", "linenoise.cpp", "base64.hpp", "minja.hpp", "chat-template.hpp", "picojson.h", "cJSON.c", "cJSON.h",
        "toml.hpp", "argparse.hpp", "subprocess.h", "sse.hpp"]

    let projectGlobs: [String]
    let vendoredGlobs: [String]
    let submodules: [String]
    /// Folders (relative) named `ggml` that hold a CMake project of their own.
    let cmakeSubprojects: Set<String>

    public init(root: String, vendored: [String] = [], project: [String] = []) {
        projectGlobs = project
        vendoredGlobs = vendored
        submodules = Self.submodulePaths(root: root)
        var subprojects = Set<String>()
        for candidate in ["ggml", "vendor/ggml", "third_party/ggml", "3rdparty/ggml"] {
            let lists = (root as NSString).appendingPathComponent(candidate + "/CMakeLists.txt")
            if let data = try? RegularFile.read(lists, limit: 1 << 20), let text = String(data: data, encoding: .utf8),
               text.range(of: "project(", options: .caseInsensitive) != nil {
                subprojects.insert(candidate)
            }
        }
        cmakeSubprojects = subprojects
    }

    /// Every node's origin: system declarations are external, the rest by their file.
    public func origins(of graph: CallGraph) -> [Origin] {
        graph.functions.map { $0.isSystem ? .external : origin(ofFile: $0.location?.file) }
    }

    /// The origin of a file as the report names it (relative to the root, or absolute when outside it).
    public func origin(ofFile file: String?) -> Origin {
        guard let file, !file.isEmpty, !file.hasPrefix("/") else { return .external }
        if projectGlobs.contains(where: { Self.matches($0, file) }) { return .project }
        if vendoredGlobs.contains(where: { Self.matches($0, file) }) { return .vendored }
        if submodules.contains(where: { file == $0 || file.hasPrefix($0 + "/") }) { return .vendored }
        let parts = file.split(separator: "/").map(String.init)
        for folder in parts.dropLast() where Self.vendorFolders.contains(folder.lowercased()) { return .vendored }
        if cmakeSubprojects.contains(where: { file.hasPrefix($0 + "/") }) { return .vendored }
        if let name = parts.last, Self.singleHeaderLibraries.contains(name) || name.hasPrefix("stb_") && name.hasSuffix(".h") {
            return .vendored
        }
        return .project
    }

    /// A glob relative to the root: `fnmatch` without FNM_PATHNAME (so `*` crosses folders and `**` is `*`), or a
    /// folder, which holds everything under it.
    static func matches(_ glob: String, _ file: String) -> Bool {
        let g = glob.hasSuffix("/") ? String(glob.dropLast()) : glob
        if !g.contains(where: { "*?[".contains($0) }) { return file == g || file.hasPrefix(g + "/") }
        return fnmatch(g, file, 0) == 0
    }

    /// `path = …` lines of the root's `.gitmodules` (read bounded; a missing or odd file means none).
    static func submodulePaths(root: String) -> [String] {
        let file = (root as NSString).appendingPathComponent(".gitmodules")
        guard let data = try? RegularFile.read(file, limit: 1 << 20), let text = String(data: data, encoding: .utf8) else { return [] }
        var paths: [String] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("path"), let eq = line.firstIndex(of: "=") else { continue }
            guard line[line.startIndex..<eq].trimmingCharacters(in: .whitespaces) == "path" else { continue }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            while value.hasSuffix("/") { value.removeLast() }
            if !value.isEmpty, !value.hasPrefix("/"), !value.split(separator: "/").contains("..") { paths.append(value) }
        }
        return paths.sorted()
    }
}
