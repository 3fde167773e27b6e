import ArgumentParser
import Exporters
import Foundation
import PathEngine
import SinkmapKit
import SinkmapReport

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan a source tree and report every call path to an LLM/ML sink.",
        discussion: """
        Uses compile_commands.json when it is at PATH or PATH/build (or given with -p / --compile-commands); \
        otherwise every .c .cc .cpp .cxx .c++ .m .mm file under PATH is a translation unit, with -I for PATH, \
        every include/ folder and the file's own folder. A sinkmap.yml at PATH adds project sink rules.

        Examples:
          sinkmap scan Fixtures/demo-ai-service
          sinkmap scan ~/src/llama.cpp -p ~/src/llama.cpp/build
          sinkmap scan . --format json --output paths.json
          sinkmap scan . --extra-arg=-I/opt/onnxruntime/include
          sinkmap scan . --format html --output paths.html
          sinkmap scan . --format svg --focus llama.cpp/decode -o decode.svg
          sinkmap scan . --all-paths          # every path, not one witness each
          sinkmap scan . --include-vendored   # entry points in third_party/ too
          sinkmap scan . --lift               # paths grouped by the project's own model API
          sinkmap scan . --format sarif --source-base /home/ci/src/app -o paths.sarif

        Per-file facts are cached in PATH/.sinkmap-cache (--cache-dir, --no-cache): an unchanged tree re-scans \
        without parsing.

        Across machines: --shard I/N --facts-out DIR parses only shard I of N (a stable split by each file's \
        path) and writes its facts and manifest to DIR; `sinkmap merge` (or `sinkmap check --facts`) builds the \
        report from all N shards, byte for byte the one a single scan writes:
          sinkmap scan . --shard 1/2 --facts-out shards
          sinkmap scan . --shard 2/2 --facts-out shards
          sinkmap merge shards --format json --output paths.json
        """)

    @OptionGroup var input: ScanInputOptions

    @OptionGroup var output: OutputOptions

    @Flag(inversion: .prefixedNo, help: "Lift paths to the project's own model API: name each path's wrapper (the first API function on its route, as `sinkmap suggest` finds it); text groups paths by wrapper. Default: on when some sink function has more than \(ScanOptions.autoLiftPaths) paths.")
    var lift: Bool? = nil

    @Flag(help: "Exit with code 5 when any translation unit had parse errors or failed to parse.")
    var strict = false

    @Option(help: ArgumentHelp("Parse only shard I of N (1 <= I <= N) and write its facts to --facts-out; `sinkmap merge` makes the report from every shard.",
                               valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp("With --shard: the folder the shard's facts and manifest are written to (shard-I-of-N.facts, shard-I-of-N.json). Alone: the whole scan as shard 1/1.",
                               valueName: "dir"))
    var factsOut: String?

    mutating func validate() throws {
        if let shard, ShardSpec(parsing: shard) == nil {
            throw ValidationError("--shard \(shard): give I/N with 1 ≤ I ≤ N ≤ \(ShardSpec.maximumCount), such as 2/4")
        }
        if shard != nil && factsOut == nil { throw ValidationError("--shard needs --facts-out DIR, where the shard's facts are written") }
        if factsOut != nil && (output.output != nil || output.format != .text) {
            throw ValidationError("--shard and --facts-out write facts, not a report: `sinkmap merge` renders it (drop --format and --output)")
        }
        if let dir = factsOut { factsOut = WorkingDirectory.absolute(dir) }
    }

    func run() throws {
        if let factsOut {
            try runShard(ShardSpec(parsing: shard ?? "1/1")!, into: factsOut)
            return
        }
        try input.refuseLinkOut(output.output, what: "write the report", code: ExitCodes.output)
        let report = try input.scan(lift: lift)
        try Self.finish(report, input: input, output: output, strict: strict)
    }

    /// Writes the report and exits as `scan` does: warnings on stderr, 8 when too much failed, 5 with --strict.
    static func finish(_ report: Report, input: ScanInputOptions, output: OutputOptions, strict: Bool) throws {
        try output.write(report)
        RuleWarnings.print(report)
        if let folders = report.stats.skippedSourceFiles {
            // Never a silent skip: said on stderr whatever the format (the report has a diagnostic per folder).
            FileHandle.standardError.write(Data(("sinkmap: warning: " + SkippedFolders.summary(folders) + "\n").utf8))
        }
        let stats = report.stats
        if stats.failedTranslationUnits > 0 {
            // Never silent: units that are not in the report at all are said on stderr whatever the format.
            FileHandle.standardError.write(Data(("sinkmap: warning: " + UnitCounts.failedWarning(stats) + "\n").utf8))
        }
        try input.refuseFailedUnits(stats)
        let failed = stats.translationUnitsWithErrors + stats.failedTranslationUnits
        if strict && failed > 0 {
            throw Failure(message: "\(failed) translation \(failed == 1 ? "unit" : "units") had errors or failed (--strict): "
                          + UnitCounts.summary(stats), code: ExitCodes.diagnostics)
        }
    }

    private func runShard(_ spec: ShardSpec, into directory: String) throws {
        try input.refuseLinkOut(directory + "/" + spec.fileStem + ".json", what: "write the shard's facts", code: ExitCodes.output)
        let summary: ShardSummary
        do {
            summary = try input.run { options in try Scan(options: options).runShard(spec, into: directory) }
        } catch let e as ShardWriteError {
            throw Failure(message: e.description, code: ExitCodes.output)
        }
        let s = summary
        let parsed = s.units - s.withErrors - s.failed
        print("\(spec): \(s.units) of \(s.totalUnits) translation units (\(parsed) parsed, \(s.withErrors) with errors, "
              + "\(s.failed) failed; \(s.cached) from the cache) → \(TerminalText.sanitize(s.manifestPath))")
        for w in s.warnings { RuleWarnings.warn(file: w.file, message: w.message) }
        if s.failed > 0 {
            FileHandle.standardError.write(Data("sinkmap: warning: \(s.failed) of the shard's \(s.units) translation units failed to parse; the merge reports them\n".utf8))
        }
    }
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Make the report from the facts of every shard of a scan (`sinkmap scan --shard I/N --facts-out DIR`).",
        usage: "sinkmap merge <dir> ... [--root <path>] [--allow-partial] [<scan options>] [--format <format>] [--output <file>]",
        discussion: """
        Reads shard-I-of-N.json and shard-I-of-N.facts from every folder given, checks that the shards cover the \
        scan exactly once - the same compile database and flags, the same sinkmap and libclang, the tree checked \
        out at the same path, every shard once - and that every file each unit read inside the tree is still the \
        one it was parsed from; then builds the graph and the report as `sinkmap scan` does: the same bytes in \
        every format (but stats.seconds). The tree (--root, default: the current folder) is needed: its \
        sinkmap.yml, compile database and sources decide what the shards must hold. Give the same scan flags as \
        the shards were run with (-p, --extra-arg, --config, --sink, --max-paths and so on).

        Exit codes: as `scan`, and 9 when the shards do not cover the scan exactly once (a shard missing or given \
        twice, from another database, flags, sinkmap, libclang or checkout, damaged, or parsed from other \
        sources); the message names the shard. --allow-partial merges what is there: the missing shards' units \
        are failed units (reason missing-shard) and a warning per shard says how many.

        Examples:
          sinkmap merge shards --format json --output paths.json
          sinkmap merge shards --format sarif --output paths.sarif
          sinkmap merge s1 s2 s3 --root . --format markdown -o tm.md
          sinkmap merge shards --allow-partial    # report what the shards that finished found
        """)

    @OptionGroup var input: ScanInputOptions

    @Argument(help: "More folders of shard facts.")
    var more: [String] = []

    @Option(help: ArgumentHelp("The scanned tree (default: the current folder).", valueName: "path"))
    var root: String = "."

    @Flag(help: "Merge even when shards are missing: their units are reported as failed (missing-shard), with a warning per shard.")
    var allowPartial = false

    @OptionGroup var output: OutputOptions

    @Flag(inversion: .prefixedNo, help: "As for scan: name each path's wrapper in the project's own API.")
    var lift: Bool? = nil

    @Flag(help: "Exit with code 5 when any translation unit had parse errors or failed to parse.")
    var strict = false

    func run() throws {
        // Every positional argument is a folder of facts (the first lands in the scan options' PATH); the tree is --root.
        let directories = [input.path] + more
        var input = self.input
        input.path = root
        try input.refuseLinkOut(output.output, what: "write the report", code: ExitCodes.output)
        let report = try input.scan(lift: lift, shards: try Self.loadShards(directories, allowPartial: allowPartial))
        try ScanCommand.finish(report, input: input, output: output, strict: strict)
    }

    /// Reads the shards (exit 9 when they cannot be used).
    static func loadShards(_ directories: [String], allowPartial: Bool) throws -> ShardSet {
        do {
            var set = try ShardSet.load(directories: directories)
            set.allowPartial = allowPartial
            return set
        } catch let e as ShardError {
            throw Failure(message: e.description, code: ExitCodes.shards)
        }
    }
}

/// `--format`, `--output` and the graph options, shared by every command that prints a report.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "format"))
    var format: OutputFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("dot/svg/png: group functions in boxes by \(GraphCluster.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "grouping"))
    var cluster: GraphCluster = .none

    @Option(help: ArgumentHelp("dot/svg/png: draw only the paths to this sink rule id.", valueName: "rule"))
    var focus: String?

    @Option(help: ArgumentHelp("dot/svg/png: draw only the paths from this entry point (its function or a route such as 'POST /completion').",
                               valueName: "entry"))
    var focusEntry: String?

    @Option(help: ArgumentHelp("dot/svg/png: one file per \(GraphSplit.allCases.map(\.rawValue).joined(separator: " or ")) "
                               + "(sink rule, entry point), written into the --output folder and named after it.",
                               valueName: "group"))
    var splitBy: GraphSplit?

    @Flag(help: "text: print every listed path, grouped by sink, instead of the attack surface and one witness path per entry point and sink.")
    var allPaths = false

    @Flag(help: "text: print the witness paths of uncalled roots too (folded to one line each by default).")
    var showRoots = false

    @Option(help: ArgumentHelp("Where the scanned root is, as a folder (/home/ci/src/app) or an absolute URI (https://github.com/acme/app/blob/COMMIT/): recorded as the report's sourceBase and as SARIF's %SRCROOT% uri, so every file resolves to an absolute URI. Default: none (the report is the same on every checkout).",
                               valueName: "dir|uri"))
    var sourceBase: String?

    mutating func validate() throws {
        if let base = sourceBase {
            do { sourceBase = try SourceBase.uri(base) } catch let e as ExportError { throw ValidationError(e.description) }
        }
        if !format.isGraph && (cluster != .none || focus != nil || focusEntry != nil) {
            throw ValidationError("--cluster, --focus and --focus-entry apply to --format dot, svg and png only")
        }
        if let splitBy {
            guard format.isGraph else { throw ValidationError("--split-by applies to --format dot, svg and png only") }
            guard output != nil else {
                throw ValidationError("--split-by \(splitBy.rawValue) writes one file per group: give --output FOLDER")
            }
        }
        if format.isBinary && output == nil && isatty(fileno(stdout)) == 1 {
            throw ValidationError("--format \(format.rawValue) is binary; give --output FILE or redirect stdout")
        }
        // Before a long scan, not after it.
        if (format == .svg || format == .png) && Graphviz.locate() == nil {
            throw ValidationError(ExportError.graphvizMissing(format: format.rawValue).description)
        }
    }

    /// Renders and writes `report`. `newPathIDs` is for `check`: SARIF then reports only those paths, as new.
    func write(_ report: Report, newPathIDs: Set<String>? = nil) throws {
        var report = report
        if let sourceBase { report.sourceBase = sourceBase }
        if let focus, !report.sinks.contains(where: { $0.rule == focus }), !report.paths.contains(where: { $0.sink.rule == focus }) {
            let withPaths = Set(report.paths.map(\.sink.rule)).sorted()
            let rules = withPaths.map(TerminalText.sanitize).joined(separator: ", ")
            let close = UnmatchedRules.closest(to: focus, in: Array(Set(report.sinks.map(\.rule)).union(withPaths)).sorted())
            throw Failure(message: "--focus \(TerminalText.sanitize(focus)): no sink rule with that id in the report"
                          + (rules.isEmpty ? "" : " (rules with paths: \(rules))")
                          + (close.isEmpty ? "" : "; did you mean " + close.map { "'\(TerminalText.sanitize($0))'" }.joined(separator: " or ") + "?"),
                          code: ExitCodes.usage)
        }
        if let focusEntry, !report.paths.contains(where: { DOTExporter.starts($0, at: focusEntry) }) {
            let entries = Set(report.paths.map(\.entry.function)).sorted()
            let close = UnmatchedRules.closest(to: focusEntry, in: entries)
            throw Failure(message: "--focus-entry \(TerminalText.sanitize(focusEntry)): no path starts there"
                          + (close.isEmpty ? "" : "; did you mean " + close.map { "'\(TerminalText.sanitize($0))'" }.joined(separator: " or ") + "?"),
                          code: ExitCodes.usage)
        }
        let color = output == nil && Terminal.isInteractive(fileno(stdout)) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var options = OutputFormat.Options(color: color, cluster: cluster, focus: focus, newPathIDs: newPathIDs,
                                           allPaths: allPaths, showRoots: showRoots)
        options.focusEntry = focusEntry
        do {
            if let splitBy, let output {
                try OutputFile.write(try splitBy.export(report, as: format, options: options), into: WorkingDirectory.absolute(output),
                                     shownAs: output, what: "--split-by \(splitBy.rawValue)")
            } else {
                try OutputFile.write(try format.export(report, options: options), to: output.map(WorkingDirectory.absolute),
                                     what: "report", shownAs: output)
            }
        } catch let e as ExportError {
            throw Failure(message: e.description, code: ExitCodes.output)
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension GraphCluster: ExpressibleByArgument {}
extension GraphSplit: ExpressibleByArgument {}

/// The report's warnings for `sinkmap.yml` sink rules that matched no function, and for a facts cache that could not
/// be opened, repeated on stderr whatever the format: a typo in a rule must never watch nothing silently, and a CI job
/// must not turn slow without a word.
enum RuleWarnings {
    static func print(_ report: Report) {
        for d in report.diagnostics where d.severity == "warning"
            && (UnmatchedRules.isUnmatchedRule(d.message) || FactsCache.isUnavailableWarning(d.message)) {
            warn(file: d.file, message: d.message)
        }
    }

    /// `sinkmap: warning: FILE: MESSAGE` on stderr, both sanitized (they can come from the tree).
    static func warn(file: String, message: String) {
        FileHandle.standardError.write(Data("sinkmap: warning: \(TerminalText.sanitize(file)): \(TerminalText.sanitize(message))\n".utf8))
    }
}

enum SkippedFolders {
    /// `C/C++ sources in skipped folders were not scanned: src/out/ (2), vendor/node_modules/ (1) …`, sanitized.
    static func summary(_ folders: [String: Int]) -> String {
        let list = folders.keys.sorted().map { "\(TerminalText.sanitize($0)) (\(folders[$0]!))" }.joined(separator: ", ")
        return "C/C++ sources in skipped folders were not scanned: \(list) (Docs/configuration.md, \"Skipped folders\")"
    }
}

enum UnitCounts {
    /// `98 translation units: 90 parsed, 6 with errors, 2 failed`.
    static func summary(_ s: Report.Stats) -> String {
        let parsed = s.parsedTranslationUnits ?? (s.translationUnits - s.translationUnitsWithErrors - s.failedTranslationUnits)
        return "\(s.translationUnits) translation units: \(parsed) parsed, \(s.translationUnitsWithErrors) with errors, "
            + "\(s.failedTranslationUnits) failed"
    }

    static func failedWarning(_ s: Report.Stats) -> String {
        "\(s.failedTranslationUnits) of \(s.translationUnits) translation units failed to parse and are not in the report "
            + "(their fatal diagnostics say why)"
    }
}
