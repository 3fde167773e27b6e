import Foundation

/// Reads `compile_commands.json` (both the `arguments` and the `command` form) into compile jobs. The
/// compiler it names is never run: only its flags are kept, cleaned of what libclang must not see.
public struct CompilationDatabase {
    public let path: String
    public let jobs: [CompileJob]
    /// Entries skipped, each with a reason (a missing file, an entry without a file).
    public let skipped: [String]

    public init(path: String, extraArguments: [String] = []) throws {
        self.path = path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FrontendError.unreadableCompilationDatabase(path: path, reason: error.localizedDescription)
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw FrontendError.malformedCompilationDatabase(path: path, reason: Self.describeJSONError(error))
        }
        guard let entries = json as? [Any] else {
            throw FrontendError.malformedCompilationDatabase(path: path, reason: "the top level is not an array")
        }
        let dbDirectory = (path as NSString).deletingLastPathComponent
        var byFile: [String: CompileJob] = [:]
        var skipped: [String] = []
        for (n, raw) in entries.enumerated() {
            guard let entry = raw as? [String: Any], let file = entry["file"] as? String else {
                throw FrontendError.malformedCompilationDatabase(path: path, reason: "entry \(n + 1) has no \"file\" string")
            }
            let directory = Self.absolute(entry["directory"] as? String ?? dbDirectory, against: dbDirectory)
            let argv: [String]
            if let a = entry["arguments"] as? [String] {
                argv = a
            } else if let c = entry["command"] as? String {
                argv = ShellWords.split(c)
            } else {
                throw FrontendError.malformedCompilationDatabase(
                    path: path, reason: "entry \(n + 1) (\(file)) has neither \"arguments\" nor \"command\"")
            }
            let absoluteFile = Self.absolute(file, against: directory)
            guard FileManager.default.fileExists(atPath: absoluteFile) else {
                skipped.append("\(file): listed in the compilation database but not found")
                continue
            }
            var arguments = Self.absolutized(Self.clean(argv, file: file, absoluteFile: absoluteFile), against: directory)
            arguments = Self.withDefaultStandard(arguments, file: absoluteFile)
            let job = CompileJob(file: absoluteFile, arguments: arguments + extraArguments, directory: directory)
            // A file compiled several ways is scanned once, with the smallest argument list: stable whatever
            // the entries' order.
            if let existing = byFile[absoluteFile], existing.arguments.lexicographicallyPrecedes(job.arguments) {
                continue
            }
            byFile[absoluteFile] = job
        }
        jobs = byFile.values.sorted { $0.file < $1.file }
        self.skipped = skipped.sorted()
    }

    /// Drops the compiler, the source file, output and dependency-file flags; keeps `-D`, `-I`, `-std`, ….
    static func clean(_ argv: [String], file: String, absoluteFile: String) -> [String] {
        var out: [String] = []
        var i = 1
        let takesValue: Set<String> = ["-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics"]
        let alone: Set<String> = ["-c", "-M", "-MM", "-MD", "-MMD", "-MG", "-MP", "-MV", "-S", "-E", "--"]
        while i < argv.count {
            let a = argv[i]
            defer { i += 1 }
            if takesValue.contains(a) { i += 1; continue }
            if alone.contains(a) { continue }
            if a.hasPrefix("-o") && a.count > 2 && !a.hasPrefix("-obj") { continue }
            if a.hasPrefix("-MF") || a.hasPrefix("-MT") || a.hasPrefix("-MQ") { continue }
            if a == file || a == absoluteFile { continue }
            out.append(a)
        }
        return out
    }

    /// Flags naming files or folders, whose relative values resolve against the entry's `directory`.
    static let pathFlags = ["-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-isysroot", "--sysroot",
                            "-F", "-iframework", "-include-pch", "-iprefix", "-iwithprefix", "-cxx-isystem"]

    /// Relative paths in path flags made absolute (`-Iinc`, `-I inc`, `--sysroot=x`).
    static func absolutized(_ arguments: [String], against directory: String) -> [String] {
        var out: [String] = []
        var i = 0
        func fix(_ p: String) -> String { p.hasPrefix("/") || p.isEmpty ? p : absolute(p, against: directory) }
        while i < arguments.count {
            let a = arguments[i]
            if pathFlags.contains(a), i + 1 < arguments.count {
                out += [a, fix(arguments[i + 1])]
                i += 2
                continue
            }
            if let flag = pathFlags.sorted(by: { $0.count > $1.count }).first(where: { a.hasPrefix($0) && a.count > $0.count }) {
                var value = String(a.dropFirst(flag.count))
                let eq = value.hasPrefix("=")
                if eq { value.removeFirst() }
                out.append(flag + (eq ? "=" : "") + fix(value))
            } else {
                out.append(a)
            }
            i += 1
        }
        return out
    }

    /// A build that relies on the compiler's default language standard (CMake omits `-std` when g++'s own
    /// default, gnu++17, satisfies the project) would get libclang 14's older default (C++14). Say it explicitly.
    static func withDefaultStandard(_ arguments: [String], file: String) -> [String] {
        guard !arguments.contains(where: { $0.hasPrefix("-std=") || $0.hasPrefix("--std") || $0.hasPrefix("/std:") }) else {
            return arguments
        }
        let ext = (file as NSString).pathExtension.lowercased()
        let declared = arguments.firstIndex(of: "-x").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        let isCXX = declared.map { $0.contains("++") } ?? ["cc", "cpp", "cxx", "c++", "mm", "cu", "hpp"].contains(ext)
        // C needs nothing: libclang's default (gnu17) is the compilers' default too.
        return isCXX ? arguments + ["-std=gnu++17"] : arguments
    }

    static func absolute(_ path: String, against base: String) -> String {
        let p = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: p).standardizedFileURL.path
    }

    private static func describeJSONError(_ error: Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return ns.localizedDescription
    }
}

/// POSIX-shell-like splitting of a `command` string: quotes and backslashes, no expansion of anything.
enum ShellWords {
    static func split(_ s: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escape = false
        for ch in s {
            if escape {
                current.append(ch); escape = false; inWord = true; continue
            }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escape = true } else { current.append(ch) }
                continue
            }
            switch ch {
            case "\\": escape = true; inWord = true
            case "\"", "'": quote = ch; inWord = true
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(ch); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
