import Foundation
import SinkmapCore

/// The entries of a compile_commands.json as the clang baseline runs them: the compiler's own arguments minus
/// what makes it write files (`-c`, `-o X`, `-M*` dependency output), plus `-fsyntax-only` and `-w` — the same
/// flags sinkmap parses with. Like sinkmap, it takes each file once (the entry with the smallest arguments) and
/// skips files that do not exist (generated at build time).
struct CompileCommands {
    struct Entry {
        var directory: String
        var file: String
        var arguments: [String]
    }

    let entries: [Entry]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw BenchError("\(path) is not a JSON array of entries")
        }
        let all = try list.map { e in
            guard let dir = e["directory"] as? String, let file = e["file"] as? String else {
                throw BenchError("\(path): an entry without directory or file")
            }
            let argv: [String]
            if let a = e["arguments"] as? [String] { argv = a }
            else if let c = e["command"] as? String { argv = ShellWords.split(c) }
            else { throw BenchError("\(path): an entry without arguments or command") }
            let abs = file.hasPrefix("/") ? file : (dir as NSString).appendingPathComponent(file)
            return Entry(directory: dir, file: abs, arguments: Self.syntaxOnly(Array(argv.dropFirst()), file: file))
        }
        var byFile: [String: Entry] = [:]
        for e in all where FileManager.default.fileExists(atPath: e.file) {
            if let kept = byFile[e.file], kept.arguments.lexicographicallyPrecedes(e.arguments) { continue }
            byFile[e.file] = e
        }
        entries = byFile.values.sorted { $0.file < $1.file }
    }

    /// Drops outputs and the source file (put back last), adds `-fsyntax-only -w`.
    static func syntaxOnly(_ args: [String], file: String) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "-o" || a == "-MF" || a == "-MT" || a == "-MQ" { i += 2; continue }
            if a == "-c" || a == file || a.hasPrefix("-M") || (a.hasPrefix("-o") && a.count > 2) { i += 1; continue }
            out.append(a)
            i += 1
        }
        return out + ["-fsyntax-only", "-w", file]
    }

}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
