import Foundation
import SinkmapCore

/// Reads `compile_commands.json` (both the `arguments` and the `command` form) into compile jobs. The
/// compiler it names is never run: only its flags are kept, cleaned of what libclang must not see.
public struct CompilationDatabase {
    public let path: String
    public let jobs: [CompileJob]
    /// Entries skipped, each with a reason (a missing file, or not a regular file).
    public let skipped: [String]
    /// Flags from the database that were not passed to libclang because they could write files, load code or
    /// read inputs the tree chose (see `clean`), sorted.
    public let droppedFlags: [String]
    /// GCC-only flags (`-fconcepts-diagnostics-depth=`, `-mno-direct-extern-access`, …) dropped because libclang
    /// does not know them, sorted: said in a note of their own.
    public let gccOnlyFlags: [String]

    /// `boundary`: entries whose file is outside the scanned tree (through a `directory`, a `../` path or a link)
    /// are skipped unless it follows external links; nil takes every entry.
    /// `languageFlags`: extra arguments per language (after the entry's own, before `extraArguments`), and the
    /// standard for entries that name none.
    public init(path: String, extraArguments: [String] = [], boundary: TreeBoundary? = nil,
                languageFlags: LanguageFlags = LanguageFlags()) throws {
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
        var found: [CompileJob] = []
        var seenJobs = Set<[String]>()
        var skipped: [String] = []
        var droppedFlags = Set<String>()
        var gccOnly = Set<String>()
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
            var st = stat()
            guard stat(absoluteFile, &st) == 0 else {
                skipped.append("\(file): listed in the compilation database but not found")
                continue
            }
            guard (st.st_mode & S_IFMT) == S_IFREG else {
                skipped.append("\(file): listed in the compilation database but not a regular file (a FIFO or device would block the scan)")
                continue
            }
            if let boundary, !boundary.allows(absoluteFile) {
                skipped.append("\(file): listed in the compilation database but outside the scanned tree (not read; --follow-external-links reads it)")
                continue
            }
            // The source may be spelled differently in the arguments than in "file" (relative vs absolute).
            let sourceArguments = argv.filter { !$0.hasPrefix("-") && Self.absolute($0, against: directory) == absoluteFile }
            var arguments = Self.absolutized(
                Self.clean(argv.filter { !sourceArguments.contains($0) || $0 == argv.first }, file: file, absoluteFile: absoluteFile,
                           dropped: &droppedFlags, gccOnly: &gccOnly),
                against: directory)
            arguments = Self.withoutImplicitPrecompiledHeaders(arguments, dropped: &droppedFlags)
            let language = SourceLanguage.of(file: absoluteFile, arguments: arguments)
            arguments = Self.withDefaultStandard(arguments, file: absoluteFile, standard: languageFlags.standard(for: language))
            let job = CompileJob(file: absoluteFile, arguments: arguments + languageFlags.extra(for: language) + extraArguments,
                                 directory: directory, target: Self.target(argv, directory: directory))
            // A file compiled several ways (a CLI and a shared-library build of one main.cpp) is that many units, each
            // scanned; the same flags twice are one.
            guard seenJobs.insert([absoluteFile, job.target ?? ""] + job.arguments).inserted else { continue }
            found.append(job)
        }
        jobs = found.sorted { ($0.file, $0.target ?? "") < ($1.file, $1.target ?? "") || ($0.file == $1.file && $0.target == $1.target && $0.arguments.lexicographicallyPrecedes($1.arguments)) }
        self.skipped = skipped.sorted()
        self.droppedFlags = droppedFlags.sorted()
        self.gccOnlyFlags = gccOnly.sorted()
    }

    /// The build target an entry compiles for, from its output path: CMake writes objects to
    /// `…/CMakeFiles/<target>.dir/…`. Nil when the output says nothing of a target.
    static func target(_ argv: [String], directory: String) -> String? {
        var output: String?
        for (i, a) in argv.enumerated() {
            if a == "-o", i + 1 < argv.count { output = argv[i + 1] } else if a.hasPrefix("-o"), a.count > 2 { output = String(a.dropFirst(2)) }
        }
        guard let output, let range = output.range(of: "CMakeFiles/") else { return nil }
        let rest = output[range.upperBound...]
        guard let dir = rest.range(of: ".dir/") else { return nil }
        let name = String(rest[..<dir.lowerBound])
        return name.isEmpty ? nil : name
    }

    /// Keeps only flags that change how the source parses — macros, include paths, language and target — and
    /// drops everything else: the compiler, the source file, outputs, and any flag that could make libclang
    /// write a file (`-Wp,-MD,…`, `-fmodules-cache-path`, `--serialize-diagnostics`), load code (`-fplugin`,
    /// `-Xclang -load`) or read one more input chosen by the tree (`@file`, `-include-pch`). An allowlist,
    /// because the database comes from the tree under review.
    static func clean(_ argv: [String], file: String, absoluteFile: String) -> [String] {
        clean(argv, file: file, absoluteFile: absoluteFile, dropped: nil)
    }

    /// `gccOnly` gets the GCC-only flags dropped (nil: they are named with the others in `dropped`).
    static func clean(_ argv: [String], file: String, absoluteFile: String, dropped: UnsafeMutablePointer<Set<String>>?,
                      gccOnly: UnsafeMutablePointer<Set<String>>? = nil) -> [String] {
        var out: [String] = []
        var i = 1
        func drop(_ flag: String) { dropped?.pointee.insert(flag) }
        while i < argv.count {
            let a = argv[i]
            i += 1
            if a == file || a == absoluteFile { continue }
            guard a.hasPrefix("-") else { drop(a.hasPrefix("@") ? "@file" : "extra input"); continue }
            // Checked before the allowlist: some sit in a kept family (`-m…`) but make libclang report an unknown
            // argument. Dropping only narrows what is kept.
            if isGCCOnly(a) {
                let name = a.split(separator: "=").first.map { String($0) + (a.contains("=") ? "=" : "") } ?? a
                if let gccOnly { gccOnly.pointee.insert(name) } else { drop(name) }
                continue
            }
            if let (flag, takesValue) = keptFlag(a) {
                out.append(a)
                if takesValue && a == flag {
                    if i < argv.count { out.append(argv[i]) }
                    i += 1
                }
                continue
            }
            // Flags known to take their value as the next argument are dropped together with it.
            if droppedWithValue.contains(a) { i += 1 }
            if quietlyDropped.contains(a) || isDebugInformationFlag(a) || quietPrefixes.contains(where: { a.hasPrefix($0) }) { continue }
            drop(a.hasPrefix("-X") ? "-X…" : (a.split(separator: "=").first.map(String.init) ?? a))
        }
        return out
    }

    /// `flags` from a file of the tree (sinkmap.yml's `parse:`) through the same allowlist as a database entry's:
    /// what is kept (relative paths made absolute against `directory`), what was dropped, which were GCC-only.
    public static func allowed(_ flags: [String], directory: String) -> (kept: [String], dropped: [String], gccOnly: [String]) {
        var dropped = Set<String>(), gcc = Set<String>()
        let kept = absolutized(clean(["cc"] + flags, file: "", absoluteFile: "", dropped: &dropped, gccOnly: &gcc),
                               against: directory)
        return (withoutImplicitPrecompiledHeaders(kept, dropped: &dropped), dropped.sorted(), gcc.sorted())
    }

    /// GCC-only flags found in real databases that clang does not know (an "unknown argument" error for each, and
    /// with some libclang versions a unit that fails): exact spellings, and prefixes ending in `=` or `-`.
    static let gccOnlyFlags: [String] = [
        "-fconcepts-diagnostics-depth=", "-fno-fat-lto-objects", "-ffat-lto-objects", "-mno-direct-extern-access",
        "-mdirect-extern-access", "-fconserve-stack", "-mindirect-branch=", "-mindirect-branch-register",
        "-mfunction-return=", "-mrecord-mcount", "-mpreferred-stack-boundary=", "-mskip-rax-setup",
        "-fno-allow-store-data-races", "-fallow-store-data-races", "-fvar-tracking", "-fno-var-tracking",
        "-fvar-tracking-assignments", "-fno-var-tracking-assignments", "-fipa-", "-fno-ipa-", "-flto-partition=",
        "-ftree-", "-fno-tree-", "-fstack-usage", "-fimplicit-constexpr", "-fno-implicit-constexpr", "-fconcepts",
        "-fgnu-unique", "-fno-gnu-unique", "-fext-numeric-literals", "-fno-ext-numeric-literals", "-fmax-errors=",
        "-fno-printf-return-value", "-fsched-pressure", "-fno-schedule-insns", "-fno-schedule-insns2",
        "-mno-avx256-split-unaligned-load", "-mno-avx256-split-unaligned-store", "-fopt-info", "-fno-keep-inline-dllexport",
        "-fdeps-format=", "-fdeps-file=", "-fdeps-target=", "-fmodule-mapper=",
        "-flifetime-dse", "-fno-lifetime-dse", "-fno-reorder-blocks-and-partition",
    ]

    static func isGCCOnly(_ a: String) -> Bool {
        gccOnlyFlags.contains { f in
            (f.hasSuffix("=") || f.hasSuffix("-")) ? a.hasPrefix(f) : (a == f || a.hasPrefix(f + "="))
        }
    }

    /// Flags kept, with whether the bare spelling takes the next argument as its value.
    private static let keptWithValue: [String] = ["-D", "-U", "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros",
                                                  "-isysroot", "--sysroot", "-F", "-iframework", "-cxx-isystem", "-x",
                                                  "-target", "-iprefix", "-iwithprefix", "-iwithprefixbefore"]
    private static let keptWithValueLongestFirst = keptWithValue.sorted { $0.count > $1.count }
    private static let keptExact: Set<String> = ["-nostdinc", "-nostdinc++", "-nostdlibinc", "-undef", "-ansi", "-pthread",
                                                 "-w", "-pedantic", "-pedantic-errors", "-fblocks", "-trigraphs"]
    private static let keptPrefixes = ["-std=", "--std=", "-stdlib=", "--target=", "-O", "-W", "-m"]
    /// Prefixes of the kept `-W` and `-m` families that pass options to other tools or to LLVM.
    private static let deniedPrefixes = ["-Wp,", "-Wa,", "-Wl,", "-Wno-error", "-mllvm"]
    /// The `-f` flags kept — each changes the language being parsed (a macro, a keyword, a rule) — with or without
    /// `no-`. Any other `-f` flag is dropped: the family also names outputs (`-fmodules-cache-path`,
    /// `-fprofile-*`, `-fcrash-diagnostics-dir`), loads code (`-fplugin`) or reads inputs (`-fmodule-file`,
    /// `-fsanitize-ignorelist`).
    private static let keptLanguageFlags: Set<String> = [
        "exceptions", "cxx-exceptions", "objc-exceptions", "rtti", "ms-extensions", "ms-compatibility", "ms-volatile",
        "declspec", "blocks", "objc-arc", "openmp", "openmp-simd", "coroutines-ts", "char8_t", "signed-char",
        "unsigned-char", "short-wchar", "short-enums", "gnu-keywords", "builtin", "delayed-template-parsing",
        "permissive", "gnu89-inline", "common", "strict-aliasing", "wrapv", "trapv", "threadsafe-statics",
        "operator-names", "asm", "gnu-inline-asm", "dollars-in-identifiers", "digraphs", "access-control",
        "elide-constructors", "sized-deallocation", "aligned-allocation", "aligned-new", "relaxed-template-template-args",
        "fixed-point", "double-square-bracket-attributes", "visibility-inlines-hidden", "visibility-ms-compat",
        "PIC", "pic", "PIE", "pie", "fast-math", "finite-math-only", "math-errno", "signed-zeros", "gnu-runtime",
        "next-runtime", "wchar", "implicit-templates", "use-cxa-atexit", "zero-initialized-in-bss", "strict-enums",
    ]
    /// `-fNAME=VALUE` flags kept, by NAME.
    private static let keptLanguageValues: Set<String> = [
        "visibility", "template-depth", "constexpr-depth", "constexpr-steps", "bracket-depth", "macro-backtrace-limit",
        "template-backtrace-limit", "ms-compatibility-version", "msc-version", "openmp-version", "objc-runtime",
        "lax-vector-conversions", "new-alignment", "input-charset", "exec-charset", "wchar-type", "sized-deallocation",
    ]
    /// Dropped together with their value (the next argument), and named in the note unless quiet.
    private static let droppedWithValue: Set<String> = ["-o", "-MF", "-MT", "-MQ", "-MJ", "--serialize-diagnostics", "-Xclang",
                                                        "-Xpreprocessor", "-Xassembler", "-Xlinker", "-mllvm", "-include-pch",
                                                        "-arch", "-B", "-L", "-l", "-specs", "-Xanalyzer", "-Xopenmp-target",
                                                        "-fmodules-cache-path", "-fmodule-file", "-ivfsoverlay", "-load", "-plugin",
                                                        "-dependency-file", "-module-dependency-dir", "-header-include-file",
                                                        "-gen-cdb-fragment-path", "-index-store-path", "-fcrash-diagnostics-dir",
                                                        "-ftime-trace-granularity", "-fprofile-remapping-file"]
    /// Dropped without mention: ordinary build flags that mean nothing to a parse.
    private static let quietlyDropped: Set<String> = ["-c", "-o", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MG", "-MP", "-MV",
                                                      "-MF", "-MT", "-MQ", "--", "-pipe", "-v", "-H", "-shared",
                                                      "-rdynamic", "-static", "-L", "-l", "-s"]
    /// Families dropped without mention: debug information and code generation, which a parse never produces.
    private static let quietPrefixes = ["-fdiagnostics-", "-fcolor-diagnostics", "-fno-color-diagnostics", "-fdata-sections",
                                        "-ffunction-sections", "-fomit-frame-pointer", "-fno-omit-frame-pointer",
                                        "-fstack-protector", "-fno-stack-protector", "-funroll-loops", "-fno-unroll-loops",
                                        "-fvectorize", "-fno-vectorize", "-fslp-vectorize", "-flto", "-fno-lto", "-fno-plt",
                                        "-fcf-protection", "-fasynchronous-unwind-tables", "-fno-asynchronous-unwind-tables",
                                        "-funwind-tables", "-fno-unwind-tables", "-fmessage-length", "-fno-strict-overflow",
                                        "-fstrict-overflow", "-fno-semantic-interposition", "-fmerge-all-constants",
                                        "-fno-merge-all-constants", "-fstack-clash-protection", "-fno-stack-clash-protection"]
    /// Debug-information flags (`-g`, `-g3`, `-ggdb`, `-gdwarf-4`, …): meaningless to a parse, dropped quietly.
    private static func isDebugInformationFlag(_ a: String) -> Bool {
        guard a.hasPrefix("-g") else { return false }
        let rest = a.dropFirst(2)
        let known = ["", "0", "1", "2", "3", "gdb", "gdb0", "gdb1", "gdb2", "gdb3", "line-tables-only", "line-directives-only",
                     "split-dwarf", "column-info", "no-column-info", "z", "pubnames", "gnu-pubnames", "no-pubnames",
                     "record-command-line", "no-record-command-line", "full", "strict-dwarf", "no-strict-dwarf", "btf",
                     "inline-line-tables", "no-inline-line-tables", "codeview", "dwarf", "dwarf32", "dwarf64"]
        return known.contains(String(rest)) || rest.hasPrefix("dwarf-") || rest.hasPrefix("z=")
    }

    private static func keptFlag(_ a: String) -> (flag: String, takesValue: Bool)? {
        if deniedPrefixes.contains(where: { a.hasPrefix($0) }) { return nil }
        if keptExact.contains(a) { return (a, false) }
        if let f = keptWithValue.first(where: { a == $0 }) { return (f, true) }
        if let f = keptWithValueLongestFirst.first(where: { a.hasPrefix($0) }) {
            // `-include-pch` begins like `-include` but reads a binary the tree chose.
            if f == "-include", a.hasPrefix("-include-pch") { return nil }
            if ["-I", "-D", "-U", "-F", "-x"].contains(f) || a.hasPrefix(f + "=") || f.count > 2 { return (f, false) }
        }
        if keptPrefixes.contains(where: { a.hasPrefix($0) }) { return (a, false) }
        if isKeptLanguageFlag(a) { return (a, false) }
        return nil
    }

    /// `-fNAME`, `-fno-NAME` or `-fNAME=VALUE` of the kept language flags (`-fno-builtin-malloc` too).
    private static func isKeptLanguageFlag(_ a: String) -> Bool {
        guard a.hasPrefix("-f") else { return false }
        var name = a.dropFirst(2)
        if name.hasPrefix("no-") { name = name.dropFirst(3) }
        if let eq = name.firstIndex(of: "=") { return keptLanguageValues.contains(String(name[..<eq])) }
        return keptLanguageFlags.contains(String(name)) || name.hasPrefix("builtin-")
    }

    /// Clang loads `X.pch` (or `X.gch`) instead of the header `X` of `-include X` when that file exists beside it
    /// (the driver's implicit precompiled header) — a binary the tree chose, not its sources. Such an `-include`
    /// is dropped, and named in the note. Arguments are absolute here (`absolutized`), as libclang will see them.
    static func withoutImplicitPrecompiledHeaders(_ arguments: [String], dropped: inout Set<String>) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            var header: String?
            var width = 1
            if a == "-include", i + 1 < arguments.count {
                header = arguments[i + 1]
                width = 2
            } else if a.hasPrefix("-include"), !a.hasPrefix("-include-pch") {
                let value = a.dropFirst("-include".count)
                header = String(value.hasPrefix("=") ? value.dropFirst() : value)
            }
            if let header, hasPrecompiledSibling(header) {
                dropped.insert("-include \(header) (a precompiled \((header as NSString).lastPathComponent).pch/.gch is beside it)")
                i += width
                continue
            }
            out += arguments[i..<(i + width)]
            i += width
        }
        return out
    }

    static func hasPrecompiledSibling(_ header: String) -> Bool {
        ["pch", "gch"].contains { ext in
            var st = stat()
            return lstat(header + "." + ext, &st) == 0
        }
    }

    /// Flags naming files or folders, whose relative values resolve against the entry's `directory`.
    static let pathFlags = ["-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-isysroot", "--sysroot",
                            "-F", "-iframework", "-include-pch", "-iprefix", "-iwithprefix", "-cxx-isystem"]

    private static let pathFlagsLongestFirst = pathFlags.sorted { $0.count > $1.count }

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
            if let flag = pathFlagsLongestFirst.first(where: { a.hasPrefix($0) && a.count > $0.count }) {
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
    /// `standard` (`--std`) replaces sinkmap's default for the unit's language.
    static func withDefaultStandard(_ arguments: [String], file: String, standard: String? = nil) -> [String] {
        guard !arguments.contains(where: { $0.hasPrefix("-std=") || $0.hasPrefix("--std") || $0.hasPrefix("/std:") }) else {
            return arguments
        }
        let ext = (file as NSString).pathExtension.lowercased()
        let declared = arguments.firstIndex(of: "-x").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        let isCXX = declared.map { $0.contains("++") } ?? ["cc", "cpp", "cxx", "c++", "mm", "cu", "hpp"].contains(ext)
        if let standard, (SourceLanguage.ofStandard(standard) == .cxx) == isCXX { return arguments + ["-std=" + standard] }
        // C needs nothing: libclang's default (gnu17) is the compilers' default too.
        return isCXX ? arguments + ["-std=gnu++17"] : arguments
    }

    static func absolute(_ path: String, against base: String) -> String {
        let p = path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: p).standardizedFileURL.path
    }

    private static func describeJSONError(_ error: Error) -> String {
        let ns = error as NSError
        let text = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
        return text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
