import ClangFrontend
import Foundation
import PathEngine
import SinkmapCore
import SinkmapReport

/// Runs the pipeline in order: configuration → compile jobs → parse (parallel) → call graph → sinks and entry
/// points → paths → report. Each step is a small private method; the order matters only as written.
public struct Scan {
    public let options: ScanOptions

    public init(options: ScanOptions) {
        self.options = options
    }

    /// The finished report, or a `ScanError` when the scan could not start.
    public func run() throws -> Report {
        try runForGate().report
    }

    /// The report and what the gate compares besides its paths (`GateEvidence`): the sink-reaching slice of the
    /// graph, the units that were not analysed, the sources under skipped folders.
    public func runForGate() throws -> (report: Report, evidence: GateEvidence) {
        let started = Date()
        let p = try prepare()
        let sinks = p.matcher.sinks(in: p.graph)
        let unmatched = UnmatchedRules.find(rules: p.matcher.rules, sinks: sinks, graph: p.graph)
        // Whose code each function is; entry points in vendored or external code are set apart unless asked for.
        let origins = p.origins.origins(of: p.graph)
        // Entry points classified; paths through registered handlers start at the handler (Docs/threat-context.md).
        let threat = try p.threatRules.apply(graph: p.graph, sinks: sinks, units: p.units, origins: origins,
                                             includeVendored: options.includeVendored, protos: p.protos)
        let entries = threat.entries
        let found = PathEnumerator(graph: threat.pathGraph, sinks: sinks, entries: entries, limits: options.limits).run()
        let slice = GateSlice.calls(graph: threat.pathGraph, isSink: sinks.map { $0 != nil },
                                    isOperation: threat.context.isOperation, entries: entries.map(\.node))

        var builder = ReportBuilder(graph: p.graph, rules: p.matcher.rules, limits: options.limits)
        builder.threat = threat.context
        builder.origins = origins
        if !threat.notProject.isEmpty {
            // Counted, not listed: the paths that would start there.
            let counter = PathCounter(graph: threat.pathGraph.adjacency, isSink: sinks.map { $0 != nil },
                                      entries: threat.notProject.map(\.node))
            var total = 0
            for (i, rule) in sinks.enumerated() where rule != nil {
                total = PathCount.saturatingSum(total, Int(counter.paths(to: Int32(i))))
            }
            builder.notProject = .init(entries: threat.notProject.count, paths: total)
        }
        if options.lift ?? found.contains(where: { $0.total > ScanOptions.autoLiftPaths }) {
            let found = Wrappers(graph: threat.pathGraph, origins: origins)
                .suggest(sinks: sinks.map { $0 != nil }, entries: entries.filter { Wrappers.searchesFrom($0.kind) }.map { ($0.node, $0.kind) })
            for w in found { for s in w.sinks { builder.wrappers[s, default: []].insert(w.node) } }
        }
        builder.reachedThrough = GateSlice.reachedThroughSinks(graph: threat.pathGraph, isSink: sinks.map { $0 != nil },
                                                               entries: entries.map(\.node))
        var report = builder.build(
            root: options.root, sinks: sinks, found: found, units: p.units, entries: entries.count,
            extraDiagnostics: p.inputDiagnostics + UnmatchedRules.diagnostics(unmatched), cachedUnits: p.cachedUnits,
            seconds: Date().timeIntervalSince(started))
        report.stats.skippedSourceFiles = p.skippedSources.isEmpty ? nil
            : Self.skippedFolders(p.skippedSources, allTargets: options.allTargets)
        report.categories = p.categories.isEmpty ? nil
            : p.categories.map { Report.Category(id: $0.id, description: $0.description, severity: $0.severity) }
        var evidence = builder.evidence(slice: slice, units: p.units, skippedSources: p.skippedSources)
        evidence.unmatchedRules = unmatched.map(\.rule.id).sorted()
        return (report, evidence)
    }

    /// What every use of a scan starts from: rules checked, units parsed (or taken from the cache), the graph.
    struct Prepared {
        var root: String
        var matcher: SinkMatcher
        var threatRules: ThreatRules
        var units: [TranslationUnitFacts]
        var graph: CallGraph
        var inputDiagnostics: [DiagnosticFact]
        var cachedUnits: Int
        /// Sources under skipped folders, root-relative, sorted.
        var skippedSources: [String]
        /// Whose code each file is (sinkmap.yml's `vendored:` and `project:`, `.gitmodules`, conventions).
        var origins: OriginClassifier
        /// The gRPC services the tree's `.proto` files declare, read only when a class derives from a generated
        /// service class that could not be resolved.
        var protos = ProtoServices()
        /// The sink categories sinkmap.yml declares (`categories:`).
        var categories: [CategoryDeclaration] = []
    }

    /// What every scan does before parsing: the root, the configuration (bad rules stop the run here), the compile
    /// jobs in their stable order, and the cache folder when it may be used. A shard run stops here and parses its
    /// part; a merge takes the parsed facts from the shards.
    struct Planned {
        var root: String
        var configuration: Configuration
        var matcher: SinkMatcher
        var threatRules: ThreatRules
        var jobs: [CompileJob]
        var inputDiagnostics: [DiagnosticFact]
        var skippedSources: [String]
        var cacheDirectory: String?
    }

    func plan() throws -> Planned {
        let root = try resolveRoot()
        let configuration = try loadConfiguration(root: root)
        for rule in options.extraSinkRules where !rule.category.isBuiltIn
            && !configuration.categories.contains(where: { $0.id == rule.category.rawValue }) {
            throw ScanError.usage("--sink-category: " + ConfigurationParser.unknownCategory(rule.category.rawValue, declared: configuration.categories))
        }
        // Bad rules stop the run before any parsing.
        let matcher: SinkMatcher
        do {
            matcher = try SinkMatcher(rules: options.extraSinkRules + configuration.activeSinkRules)
        } catch {
            throw ScanError.configuration(ConfigurationError(file: configuration.path ?? "built-in catalog",
                                                             message: "\(error)"))
        }
        let threatRules = try ThreatRules(configuration)
        var (jobs, inputDiagnostics, skippedSources) = try compileJobs(root: root, configuration: configuration)
        guard !jobs.isEmpty else { throw ScanError.noTranslationUnits(options.root) }
        // By file, then target and arguments: a file compiled several ways keeps its units in a stable order.
        jobs.sort { ($0.file, $0.target ?? "") < ($1.file, $1.target ?? "")
            || ($0.file == $1.file && $0.target == $1.target && $0.arguments.lexicographicallyPrecedes($1.arguments)) }

        // A tree under review could ship `.sinkmap-cache` as a symbolic link to make sinkmap write elsewhere.
        var cacheDirectory = options.cacheDirectory
        if let dir = cacheDirectory, Self.isSymbolicLink(dir) || boundary(root: root).escapingLink(dir) != nil {
            inputDiagnostics.append(DiagnosticFact(file: dir, severity: .warning,
                                                   message: "the cache folder is a symbolic link, or reached through one to outside the scanned tree; no cache was used (pass --cache-dir to choose one)"))
            cacheDirectory = nil
        }
        return Planned(root: root, configuration: configuration, matcher: matcher, threatRules: threatRules, jobs: jobs,
                       inputDiagnostics: inputDiagnostics, skippedSources: skippedSources, cacheDirectory: cacheDirectory)
    }

    func prepare() throws -> Prepared {
        let plan = try plan()
        let (root, configuration) = (plan.root, plan.configuration)
        var inputDiagnostics = plan.inputDiagnostics
        let parsed: [TranslationUnitFacts]
        let cachedUnits: Int
        if let shards = options.shards {
            // A merge: the shards' facts, once they are shown to cover exactly these jobs, parsed from this tree.
            do {
                let merged = try shards.units(for: plan.jobs, root: root, boundary: boundary(root: root))
                parsed = merged.units
                cachedUnits = merged.cached
                inputDiagnostics += merged.diagnostics
            } catch let e as ShardError {
                throw ScanError.shards(e)
            }
        } else {
            let (units, cache) = parse(plan.jobs, root: root, cacheDirectory: plan.cacheDirectory)
            parsed = units
            cachedUnits = cache?.hits ?? 0
            inputDiagnostics += Self.cacheWarnings(cache, directory: plan.cacheDirectory)
        }
        // Several programs in one tree: a function each defines is one node per program (Docs/call-graph.md).
        let units = ProgramSeparation.apply(parsed)
        var prepared = Prepared(root: root, matcher: plan.matcher, threatRules: plan.threatRules, units: units, graph: buildGraph(units),
                                inputDiagnostics: inputDiagnostics, cachedUnits: cachedUnits, skippedSources: plan.skippedSources,
                                origins: OriginClassifier(root: root, vendored: configuration.vendored, project: configuration.project))
        prepared.categories = configuration.categories
        if units.contains(where: { !$0.unresolvedServiceMethods.isEmpty }) {
            let found = ProtoFiles.services(root: root, boundary: boundary(root: root), exclude: configuration.exclude)
            prepared.protos = found.services
            prepared.inputDiagnostics += found.diagnostics
        }
        return prepared
    }

    /// The root with symlinks resolved, so relative file names come out the same however it was reached.
    func resolveRoot() throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.root, isDirectory: &isDir), isDir.boolValue else {
            throw ScanError.rootNotFound(options.root)
        }
        return URL(fileURLWithPath: options.root).standardizedFileURL.resolvingSymlinksInPath().path
    }

    func loadConfiguration(root: String) throws -> Configuration {
        do {
            if let path = options.configPath { return try Configuration.load(path: path) }
            return try Configuration.discover(root: root, followExternalLinks: options.followExternalLinks,
                                              shownAs: Configuration.displayName(root: options.root))
        } catch let e as ConfigurationError {
            throw ScanError.configuration(e)
        }
    }

    /// A compilation database when one is given or found (root, then root/build), else a walk of the tree; with
    /// the walk, also the sources under skipped folders (root-relative) and a warning per skipped folder.
    func compileJobs(root: String, configuration: Configuration) throws -> ([CompileJob], [DiagnosticFact], [String]) {
        let (flags, notes) = languageFlags(root: root, configuration: configuration)
        var (jobs, diagnostics, skipped) = try unadaptedJobs(root: root, exclude: configuration.exclude, flags: flags)
        diagnostics += notes
        // Spellings of -std= newer than this libclang, from the database or the flags: the nearest it knows.
        var renamed = Set<String>()
        jobs = jobs.map { job in
            var job = job
            job.arguments = StandardSpelling.adapt(job.arguments, major: ClangVersion.loadedMajor, changed: &renamed)
            return job
        }
        if !renamed.isEmpty {
            diagnostics.append(DiagnosticFact(file: Self.flagsFile, severity: .note, message:
                "libclang \(ClangVersion.loadedMajor) does not know these -std= spellings; the units were parsed with the nearest it knows: \(renamed.sorted().joined(separator: ", "))"))
        }
        return (jobs, diagnostics, skipped)
    }

    /// Where notes about the flags as a whole are filed (no one file is theirs).
    static let flagsFile = "(flags)"

    /// The command line's per-language flags and standards, with sinkmap.yml's `parse:` added: its flags come with
    /// the tree, so they pass the compilation database's allowlist; a note names what it dropped.
    func languageFlags(root: String, configuration: Configuration) -> (LanguageFlags, [DiagnosticFact]) {
        var flags = options.languageFlags
        let parse = configuration.parse
        var dropped = Set<String>(), gccOnly = Set<String>()
        func allowed(_ list: [String]) -> [String] {
            guard !list.isEmpty else { return [] }
            let r = CompilationDatabase.allowed(list, directory: root)
            dropped.formUnion(r.dropped)
            gccOnly.formUnion(r.gccOnly)
            return r.kept
        }
        let all = allowed(parse.extraArgs)
        flags.extraC = all + allowed(parse.extraArgsC) + flags.extraC
        flags.extraCXX = all + allowed(parse.extraArgsCXX) + flags.extraCXX
        flags.standardC = flags.standardC ?? parse.standardC
        flags.standardCXX = flags.standardCXX ?? parse.standardCXX
        var notes: [DiagnosticFact] = []
        let file = configuration.path.map { ($0 as NSString).lastPathComponent } ?? Configuration.fileName
        if !dropped.isEmpty {
            notes.append(DiagnosticFact(file: file, severity: .note, message:
                "flags under 'parse:' not passed to libclang (the same allowlist as a compilation database's): \(dropped.sorted().joined(separator: " "))"))
        }
        if !gccOnly.isEmpty {
            notes.append(DiagnosticFact(file: file, severity: .note, message: Self.gccOnlyNote(gccOnly.sorted())))
        }
        return (flags, notes)
    }

    static func gccOnlyNote(_ flags: [String]) -> String {
        "GCC-only flags libclang does not know were dropped (they change code generation or GCC's diagnostics, not what the code means): \(flags.joined(separator: " "))"
    }

    func unadaptedJobs(root: String, exclude: [String], flags: LanguageFlags) throws -> ([CompileJob], [DiagnosticFact], [String]) {
        var database: String?
        if let file = options.compileCommandsFile {
            database = file
        } else if let dir = options.compileCommandsDirectory {
            database = (dir as NSString).appendingPathComponent("compile_commands.json")
        } else {
            database = ["compile_commands.json", "build/compile_commands.json"]
                .map { (root as NSString).appendingPathComponent($0) }
                .first { FileManager.default.fileExists(atPath: $0) }
            // Found in the tree, so it comes with the tree: a link to a file outside it is not read.
            if let found = database, boundary(root: root).escapingLink(found) != nil {
                let shown = String(found.dropFirst(root.count + 1))
                throw ScanError.input("\(shown): a symbolic link to a file outside the scanned tree; not read (--follow-external-links reads it, or pass --compile-commands)")
            }
        }
        if let database {
            do {
                let db = try CompilationDatabase(path: database, extraArguments: options.extraArguments + ["-w"],
                                                 boundary: boundary(root: root), languageFlags: flags)
                // A database made for another checkout (absolute paths elsewhere) says why, not "no sources found".
                if db.jobs.isEmpty, let first = db.skipped.first {
                    throw ScanError.input("\(database): none of its \(db.skipped.count) entries can be scanned; the first: \(first)")
                }
                var diagnostics = db.skipped.map {
                    DiagnosticFact(file: (database as NSString).lastPathComponent, severity: .warning, message: $0)
                }
                if !db.droppedFlags.isEmpty {
                    diagnostics.append(DiagnosticFact(
                        file: (database as NSString).lastPathComponent, severity: .note,
                        message: "flags not passed to libclang (they could write files, load code or read inputs the tree chose, or mean nothing to a parse): \(db.droppedFlags.joined(separator: " "))"))
                }
                if !db.gccOnlyFlags.isEmpty {
                    diagnostics.append(DiagnosticFact(file: (database as NSString).lastPathComponent, severity: .note,
                                                      message: Self.gccOnlyNote(db.gccOnlyFlags)))
                }
                return (db.jobs, diagnostics, [])
            } catch let e as FrontendError {
                throw ScanError.input(e.description)
            }
        }
        var scanner = SourceTreeScanner(root: root, extraArguments: options.extraArguments + ["-w"], exclude: exclude)
        scanner.boundary = boundary(root: root)
        scanner.languageFlags = flags
        scanner.allTargets = options.allTargets
        let walk = scanner.jobs()
        func relative(_ path: String) -> String { path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path }
        var diagnostics = walk.unreadable.map { path -> DiagnosticFact in
            if Self.isSymbolicLink(path) || TreeBoundary.isSpecialFilesystem(path) {
                return DiagnosticFact(file: relative(path), severity: .warning, message: TreeBoundary.isSpecialFilesystem(path)
                    ? "leads to a special filesystem (/proc, /sys, /dev); not walked"
                    : "a symbolic link to outside the scanned tree; not followed (--follow-external-links follows it)")
            }
            let isSource = SourceTreeScanner.sourceExtensions.contains((path as NSString).pathExtension.lowercased())
            return DiagnosticFact(file: relative(path), severity: .warning, message: isSource
                ? "file name is not valid UTF-8 (shown with U+FFFD); the file was not scanned"
                : "folder could not be read; its files were not scanned")
        }
        let skipped = walk.skipped.map(relative)
        diagnostics += Self.skippedFolderWarnings(skipped, allTargets: options.allTargets)
        return (walk.jobs, diagnostics, skipped)
    }

    /// How many of `skipped` (root-relative sources) each outermost skipped folder holds: `"src/out/": 2`.
    static func skippedFolders(_ skipped: [String], allTargets: Bool = false) -> [String: Int] {
        var counts: [String: Int] = [:]
        for file in skipped {
            let parts = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let k = parts.indices.dropLast().first(where: {
                isSkipped(parts[$0], parent: $0 > 0 ? parts[$0 - 1] : nil, allTargets: allTargets)
            }) ?? max(parts.count - 2, 0)
            counts[parts[...k].joined(separator: "/") + "/", default: 0] += 1
        }
        return counts
    }

    /// One warning per skipped folder (the outermost one) that holds sources: how many were not scanned.
    static func isSkipped(_ folder: String, parent: String?, allTargets: Bool) -> Bool {
        SourceTreeScanner.isSkippedFolder(folder) || (!allTargets && SourceTreeScanner.isOtherTargetFolder(folder, parent: parent))
    }

    static func skippedFolderWarnings(_ skipped: [String], allTargets: Bool = false) -> [DiagnosticFact] {
        let counts = skippedFolders(skipped, allTargets: allTargets)
        return counts.keys.sorted().map { folder in
            let n = counts[folder]!
            let parts = folder.split(separator: "/").map(String.init)
            let name = parts.last ?? folder
            if !SourceTreeScanner.isSkippedFolder(name),
               SourceTreeScanner.isOtherTargetFolder(name, parent: parts.count > 1 ? parts[parts.count - 2] : nil) {
                return DiagnosticFact(file: folder, severity: .warning, message:
                    "\(n) C/C++ source \(n == 1 ? "file" : "files") not scanned: a folder of sources for another target "
                    + "(CPU architecture, platform or accelerator back-end; Docs/configuration.md, \"Sources for other "
                    + "targets\"); --all-targets scans them; `sinkmap check` fails on one the baseline does not list "
                    + "unless `exclude:` in sinkmap.yml names it")
            }
            return DiagnosticFact(file: folder, severity: .warning, message:
                "\(n) C/C++ source \(n == 1 ? "file" : "files") not scanned: folders named like this hold build output "
                + "or tooling and are skipped (Docs/configuration.md, \"Skipped folders\"); `sinkmap check` fails on "
                + "one the baseline does not list unless `exclude:` in sinkmap.yml names it")
        }
    }

    func boundary(root: String) -> TreeBoundary {
        TreeBoundary(root: root, followExternalLinks: options.followExternalLinks)
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    func parse(_ jobs: [CompileJob], root: String, cacheDirectory: String?) -> ([TranslationUnitFacts], FactsCache?) {
        let cache = openCache(cacheDirectory, root: root)
        let memo = cache.map { cache in
            ParallelIndexer.Memo(lookup: { cache.lookup($0) }, store: { cache.store($0, facts: $1, inputs: $2) })
        }
        var units = index(jobs, root: root, memo: memo)
        for i in units.indices where i < jobs.count { units[i].target = jobs[i].target }
        return (units, cache)
    }

    /// The facts cache of a scan or a shard: nil without one, or when it cannot be opened (`cacheWarnings` says so).
    func openCache(_ directory: String?, root: String) -> FactsCache? {
        directory.flatMap { FactsCache(directory: $0, root: root, trustsTimestamps: options.cacheTrustsTimestamps) }
    }

    /// `jobs` parsed by the worker processes (`--jobs`, `--isolation`), each through `memo` when there is one.
    func index(_ jobs: [CompileJob], root: String, memo: ParallelIndexer.Memo?) -> [TranslationUnitFacts] {
        guard !jobs.isEmpty else { return [] }
        let workers = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
        var indexer = ParallelIndexer(root: root, workers: workers)
        indexer.isolation = options.isolation
        if options.sharedPreambles, jobs.count >= options.preambleMinimumUnits {
            indexer.preambles = SharedPreambles(minimumUnits: options.preambleMinimumUnits)
        }
        let units = indexer.run(jobs, memo: memo, progress: options.progress)
        options.preamblesUsed?(indexer.preambles?.used ?? 0)
        return units
    }

    /// What a scan or a shard says about its cache: that the folder asked for could not be opened — the answer is
    /// right, only slower, and the next run will be slow too — or that it held entries it could not trust.
    static func cacheWarnings(_ cache: FactsCache?, directory: String?) -> [DiagnosticFact] {
        if let directory, cache == nil {
            return [DiagnosticFact(file: directory, severity: .warning, message: FactsCache.unavailableMessage)]
        }
        if let cache, cache.rejected > 0 {
            return [DiagnosticFact(
                file: cache.directory, severity: .warning,
                message: "\(cache.rejected) cache entries were not written by this user or were damaged; they were ignored and rebuilt")]
        }
        return []
    }

    func buildGraph(_ units: [TranslationUnitFacts]) -> CallGraph {
        var builder = CallGraphBuilder()
        for unit in units { builder.add(unit) }
        return builder.build()
    }
}
