import ArgumentParser
import ClangFrontend
import Exporters
import Foundation
import PathEngine
import SinkmapCore
import SinkmapKit
import SinkmapReport

/// The scan flags `baseline` and `check` share (the same ones as `scan`), so a baseline and the check against it
/// see the same tree the same way.
struct ScanInputOptions: ParsableArguments {
    @Argument(help: "The source tree to scan (merge: the first facts folder; the tree is --root).")
    var path: String = "."

    @Option(name: .customShort("p"), help: ArgumentHelp("Folder holding compile_commands.json.", valueName: "dir"))
    var buildPath: String?

    @Option(name: .customLong("compile-commands"), help: ArgumentHelp("A compilation database file.", valueName: "file"))
    var compileCommands: String?

    @Option(name: .customLong("extra-arg"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("An extra compiler argument for every file (repeatable).", valueName: "arg"))
    var extraArgs: [String] = []

    @Option(name: .customLong("extra-arg-c"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("An extra compiler argument for C and Objective-C files only (repeatable).", valueName: "arg"))
    var extraArgsC: [String] = []

    @Option(name: .customLong("extra-arg-cxx"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("An extra compiler argument for C++ and Objective-C++ files only (repeatable).", valueName: "arg"))
    var extraArgsCXX: [String] = []

    @Option(name: .customLong("std"),
            help: ArgumentHelp("The language standard of files whose compile command names none, and of every file of a walk: a C++ one (gnu++20) for C++ files, a C one (c17) for C files; repeatable, once per language.",
                               valueName: "standard"))
    var standards: [String] = []

    @Flag(help: "Without a compilation database: also scan the folders of sources for other targets (other CPU architectures, Android, iOS, WebAssembly, accelerator back-ends), skipped by default.")
    var allTargets = false

    @Option(help: ArgumentHelp("Fail (exit 8) when more than this percentage of the translation units could not be parsed at all (default: only when every one failed).",
                               valueName: "percent"))
    var maxFailedShare: Int?

    @Option(help: ArgumentHelp("Configuration file (default: PATH/sinkmap.yml when present).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("sink"),
            help: ArgumentHelp("A sink for this run only: a qualified name (OrtApi::Run) or /a regular expression/ over qualified names (repeatable; rule id --sink/NAME).",
                               valueName: "name|/regex/"))
    var adHocSinks: [String] = []

    @Option(help: ArgumentHelp("The category of the --sink rules: \(SinkCategory.builtIn.map(\.rawValue).joined(separator: ", ")), or one sinkmap.yml declares under 'categories:'.",
                               valueName: "category"))
    var sinkCategory: String = SinkCategory.inference.rawValue

    @Option(help: "Paths listed per sink function; the count goes on past it (and the set is marked truncated).")
    var maxPaths: Int = PathLimits().maxPaths

    @Option(help: "Most calls on one path; longer paths are not followed (and the set is marked truncated).")
    var maxDepth: Int = PathLimits().maxDepth

    @Option(name: [.customShort("j", allowingJoined: true), .long],
            help: "Parallel libclang workers (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Where per-file facts are cached between scans (default: PATH/.sinkmap-cache).",
                               valueName: "dir"))
    var cacheDir: String?

    @Flag(help: "Parse every file again; read and write no cache.")
    var noCache = false

    @Option(help: ArgumentHelp("Seconds libclang may spend on one file before it is skipped with a diagnostic (0: no limit).",
                               valueName: "seconds"))
    var tuTimeout: Double = 300

    @Option(help: ArgumentHelp("MiB of memory libclang may use on one file before it is skipped with a diagnostic (default: half the machine's memory shared between the workers, at least 512).",
                               valueName: "MiB"))
    var tuMemory: Int?

    @Option(help: ArgumentHelp("Seconds of CPU time libclang may use on one file before it is skipped with a diagnostic (0: no limit).",
                               valueName: "seconds"))
    var tuCpuTime: Double = WorkerLimits.defaultCPUSeconds

    @Option(help: ArgumentHelp("MiB the facts of one file may take; a file whose facts exceed it is skipped with a diagnostic, not stored.",
                               valueName: "MiB"))
    var tuFacts: Int = WorkerLimits.defaultFactsMiB

    @Flag(help: "Parse in this process instead of worker processes (no protection from a file that crashes or hangs libclang).")
    var inProcess = false

    @Flag(help: "Parse every file whole: no precompiled preamble shared by files that open with the same #include lines (the answer is the same; only slower).")
    var noSharedPreambles = false

    @Flag(help: "Follow symbolic links whose target is outside PATH: folders and files of the walk, compilation-database entries, sinkmap.yml, the baseline and the folders of --output and --cache-dir (never /proc, /sys, /dev).")
    var followExternalLinks = false

    @Flag(name: [.customShort("q"), .long], help: "No progress bar.")
    var quiet = false

    @Flag(help: "Entry points in vendored code (submodules, third_party/ and the like, sinkmap.yml's vendored:) and outside the tree start paths too (always on for baseline and check).")
    var includeVendored = false

    func validate() throws {
        if buildPath != nil && compileCommands != nil {
            throw ValidationError("-p and --compile-commands both name a compilation database; give one")
        }
        if maxPaths < 1 { throw ValidationError("--max-paths must be at least 1") }
        if maxDepth < 1 { throw ValidationError("--max-depth must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if tuTimeout < 0 { throw ValidationError("--tu-timeout must be 0 (no limit) or more seconds") }
        if inProcess && tuTimeout != 300 { throw ValidationError("--tu-timeout needs worker processes; drop --in-process") }
        if let tuMemory, tuMemory < 128 { throw ValidationError("--tu-memory must be at least 128 (MiB): a worker with libclang loaded already takes about 100") }
        if tuFacts < 1 { throw ValidationError("--tu-facts must be at least 1 (MiB)") }
        if tuCpuTime < 0 { throw ValidationError("--tu-cpu-time must be 0 (no limit) or more seconds") }
        if inProcess && (tuMemory != nil || tuCpuTime != WorkerLimits.defaultCPUSeconds || tuFacts != WorkerLimits.defaultFactsMiB) {
            throw ValidationError("--tu-memory, --tu-cpu-time and --tu-facts need worker processes; drop --in-process")
        }
        var seen = Set<String>()
        for s in standards {
            guard let language = LanguageFlags.validStandard(s) else {
                throw ValidationError("--std \(s): not a language standard as -std= spells it (gnu++20, c++17, c17, gnu11, …)")
            }
            guard seen.insert(language.rawValue).inserted else {
                throw ValidationError("--std is given twice for \(language == .c ? "C" : "C++"); give one standard per language")
            }
        }
        if let maxFailedShare, !(0...100).contains(maxFailedShare) {
            throw ValidationError("--max-failed-share must be a percentage from 0 to 100")
        }
        if noCache && cacheDir != nil { throw ValidationError("--no-cache and --cache-dir contradict each other; give one") }
        for s in adHocSinks where s.isEmpty || s == "//" { throw ValidationError("--sink needs a name or a /regular expression/") }
    }

    /// Scans, mapping failures to their exit codes. The progress bar only appears on a terminal outside CI.
    func scan(lift: Bool? = nil, shards: ShardSet? = nil) throws -> Report {
        try run(shards: shards) { options in
            var options = options
            options.lift = lift
            return try Scan(options: options).run()
        }
    }

    /// Scans for the gate (`baseline`, `check`): the report and what the gate compares besides its paths. The
    /// cache re-hashes every file it would reuse: a size and a modification time are set by whoever wrote the
    /// tree, so the gate never trusts them alone. Every entry point counts, vendored or not, so nothing the gate
    /// compares is left out.
    func scanForGate(shards: ShardSet? = nil) throws -> (report: Report, evidence: GateEvidence) {
        try run(shards: shards) { options in
            var options = options
            options.cacheTrustsTimestamps = false
            options.includeVendored = true
            return try Scan(options: options).runForGate()
        }
    }

    /// Runs `body` with the scan options these flags describe — with a progress bar on a terminal outside CI —
    /// mapping a scan that cannot start to its exit code. `scan` and `graph` share it.
    /// With `shards` (`merge`, `check --facts`), the units' facts come from them: nothing is parsed and no cache is
    /// read or written.
    func run<T>(shards: ShardSet? = nil, _ body: (ScanOptions) throws -> T) throws -> T {
        // Checked before scanning, also without --sink: a category must be built in or declared in sinkmap.yml (a
        // configuration that cannot be read stops the scan with its own error).
        if SinkCategory.builtIn(named: sinkCategory) == nil, let configuration = readableConfiguration(),
           !configuration.categories.contains(where: { $0.id == sinkCategory }) {
            throw Failure(message: "--sink-category: " + Configuration.unknownCategoryMessage(sinkCategory, declared: configuration.categories),
                          code: ExitCodes.usage)
        }
        var options = ScanOptions(root: path, jobs: jobs ?? 0)
        options.compileCommandsDirectory = buildPath
        options.compileCommandsFile = compileCommands
        options.extraArguments = extraArgs
        options.languageFlags.extraC = extraArgsC
        options.languageFlags.extraCXX = extraArgsCXX
        for s in standards {
            if LanguageFlags.validStandard(s) == .c { options.languageFlags.standardC = s } else { options.languageFlags.standardCXX = s }
        }
        options.allTargets = allTargets
        options.configPath = config
        options.extraSinkRules = adHocSinkRules
        options.includeVendored = includeVendored
        options.followExternalLinks = followExternalLinks
        options.limits = PathLimits(maxPaths: maxPaths, maxDepth: maxDepth)
        options.sharedPreambles = !noSharedPreambles
        if !inProcess {
            let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            var limits = WorkerLimits(memoryMiB: tuMemory ?? WorkerLimits.defaultMemoryMiB(workers: workers), cpuSeconds: tuCpuTime)
            limits.factsMiB = tuFacts
            options.isolation = ParallelIndexer.Isolation.current(timeout: tuTimeout, limits: limits)
        }
        if !noCache { options.cacheDirectory = cacheDir ?? (path as NSString).appendingPathComponent(".sinkmap-cache") }
        if let shards {
            options.shards = shards
            options.cacheDirectory = nil
        }
        let bar = (!quiet && Terminal.isInteractive(fileno(stderr))) ? ProgressBar() : nil
        if let bar { options.progress = { @Sendable done, total, file in bar.update(done: done, total: total, file: file) } }
        defer { bar?.finish() }
        do {
            return try body(options)
        } catch let e as ScanError {
            switch e {
            case .configuration: throw Failure(message: e.description, code: ExitCodes.configuration)
            case .shards: throw Failure(message: e.description, code: ExitCodes.shards)
            case .usage: throw Failure(message: e.description, code: ExitCodes.usage)
            default: throw Failure(message: e.description, code: ExitCodes.input)
            }
        }
    }

    /// Exit 8 when too much of the tree could not be parsed at all: every unit failed, or more than
    /// `--max-failed-share` (else sinkmap.yml's `parse: max-failed-share`) percent of them. The report was written.
    func refuseFailedUnits(_ stats: Report.Stats) throws {
        let total = stats.translationUnits, failed = stats.failedTranslationUnits
        guard total > 0, failed > 0 else { return }
        let share = maxFailedShare ?? configuredFailedShare()
        let tooMany = failed == total || share.map { failed * 100 > $0 * total } ?? false
        guard tooMany else { return }
        let what = failed == total ? "every translation unit (\(total)) failed to parse"
            : "\(failed) of \(total) translation units failed to parse (more than \(share!) %, --max-failed-share)"
        throw Failure(message: "\(what): nothing of \(failed == total ? "them" : "those") is in the report; the diagnostics say why (a flag libclang rejects: try --std or --extra-arg)",
                      code: ExitCodes.unitsFailed)
    }

    /// sinkmap.yml's `parse: max-failed-share`, when the configuration can be read (a bad one already stopped the scan).
    private func configuredFailedShare() -> Int? {
        readableConfiguration()?.parse.maxFailedShare
    }

    /// The configuration the scan reads, nil when it cannot be read (the scan then says why).
    private func readableConfiguration() -> Configuration? {
        try? (config.map { try Configuration.load(path: $0) }
            ?? Configuration.discover(root: path, followExternalLinks: followExternalLinks))
    }

    /// Refuses a file named on the command line (`--output`, the baseline) when a symbolic link in the scanned tree
    /// leads its path outside the tree — a tree could ship `reports -> /elsewhere` — unless links out are followed.
    func refuseLinkOut(_ file: String?, what: String, code: Int32) throws {
        guard let file else { return }
        let boundary = TreeBoundary(root: path, followExternalLinks: followExternalLinks)
        if let link = boundary.escapingLink(WorkingDirectory.absolute(file)) {
            throw Failure(message: "\(TerminalText.sanitize(file)): cannot \(what): \(TerminalText.sanitize(link)) is a symbolic link to outside the scanned tree (--follow-external-links allows it)", code: code)
        }
    }

    /// `--sink NAME` or `--sink /REGEX/` as rules (origin `--sink`, so a name that matches nothing is warned about
    /// with the closest names, as for sinkmap.yml).
    var adHocSinkRules: [SinkRule] {
        // A category the configuration does not declare is refused once it is read (`ScanError.usage`).
        let category = SinkCategory(rawValue: sinkCategory)
        return adHocSinks.map { s in
            let isPattern = s.count > 2 && s.hasPrefix("/") && s.hasSuffix("/")
            let body = isPattern ? String(s.dropFirst().dropLast()) : s
            return SinkRule(id: "--sink/" + body, category: category, reason: "Named on the command line (--sink)",
                            names: isPattern ? [] : [body], patterns: isPattern ? [body] : [], origin: "--sink")
        }
    }

    /// The flags that change what a scan finds, as they would be typed again (for "run this to approve" hints).
    var commandLine: [String] {
        var args = [path]
        if let buildPath { args += ["-p", buildPath] }
        if let compileCommands { args += ["--compile-commands", compileCommands] }
        args += extraArgs.map { "--extra-arg=\($0)" }
        args += extraArgsC.map { "--extra-arg-c=\($0)" }
        args += extraArgsCXX.map { "--extra-arg-cxx=\($0)" }
        args += standards.flatMap { ["--std", $0] }
        if allTargets { args.append("--all-targets") }
        if let config { args += ["--config", config] }
        args += adHocSinks.flatMap { ["--sink", $0] }
        if sinkCategory != SinkCategory.inference.rawValue { args += ["--sink-category", sinkCategory] }
        if maxPaths != PathLimits().maxPaths { args += ["--max-paths", String(maxPaths)] }
        if maxDepth != PathLimits().maxDepth { args += ["--max-depth", String(maxDepth)] }
        return args
    }
}

enum WorkingDirectory {
    /// `path` made absolute against the current directory. (The front-end no longer passes libclang
    /// `-working-directory`, which changed the whole process's current directory; resolving output paths
    /// before scanning stays as a belt-and-braces habit.)
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(path).standardizedFileURL.path
    }
}

enum Shell {
    /// Quotes an argument for a POSIX shell when it needs it.
    static func quote(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_./=:@+,%".unicodeScalars.contains($0)
        }
        if plain && !s.isEmpty { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func command(_ args: [String]) -> String { args.map(quote).joined(separator: " ") }
}
