import ClangFrontend
import PathEngine
import SinkmapCore

/// Everything a scan needs to know, independent of how it was asked for (CLI, tests, benchmarks).
public struct ScanOptions: Sendable {
    /// The tree to scan; report paths are relative to it.
    public var root: String
    /// `-p DIR`: a folder holding compile_commands.json.
    public var compileCommandsDirectory: String?
    /// `--compile-commands FILE`.
    public var compileCommandsFile: String?
    /// Extra compiler arguments for every translation unit (`--extra-arg`).
    public var extraArguments: [String] = []
    /// Extra arguments per language and the standard for units whose command names none (`--extra-arg-c`,
    /// `--extra-arg-cxx`, `--std`). sinkmap.yml's `parse:` adds to them (its flags through the allowlist).
    public var languageFlags = LanguageFlags()
    /// Walk without a compilation database: scan the folders of other targets too (`--all-targets`).
    public var allTargets = false
    /// `--config FILE`; nil looks for sinkmap.yml at the root.
    public var configPath: String?
    /// Sink rules for this run only (`--sink`), tried before the configuration's and the catalog's.
    public var extraSinkRules: [SinkRule] = []
    public var limits = PathLimits()
    public var jobs: Int
    /// Where per-unit facts are cached between scans; nil scans without a cache.
    public var cacheDirectory: String?
    /// Whether the cache may reuse a file's facts without re-reading it when its inode, size, modification and
    /// change times all match what was recorded. False (the gate) re-hashes the content of every file.
    public var cacheTrustsTimestamps = true
    /// Parse in worker processes (crash and hang isolation, `--tu-timeout`); nil parses in this process.
    public var isolation: ParallelIndexer.Isolation?
    /// Units that open with the same `#include` lines under the same flags share one precompiled preamble built
    /// for this scan (`SharedPreambles`, `--no-shared-preambles`). The facts are the same either way.
    public var sharedPreambles = true
    /// Units that must open with the same lines for a preamble to be built (tests set 1: one for every unit).
    public var preambleMinimumUnits = 2
    /// Told, after the units are parsed, how many were parsed with a shared preamble.
    public var preamblesUsed: (@Sendable (Int) -> Void)?
    /// Entry points in vendored or external code start paths too (`--include-vendored`; always for the gate).
    public var includeVendored = false
    /// `--lift` / `--no-lift`: name, on each path, the project's wrapper of its sink (`Path.wrapper`, see
    /// `Wrappers`). Nil: only when some sink function has more than `autoLiftPaths` paths.
    public var lift: Bool? = nil
    public static let autoLiftPaths = 200
    /// `--follow-external-links`: follow symbolic links whose target is outside the root (files, folders,
    /// sinkmap.yml, compilation-database entries). Special filesystems are never walked.
    public var followExternalLinks = false
    /// `sinkmap merge`, `sinkmap check --facts`: the units' facts come from these shards (checked against this
    /// scan's compile jobs and tree) instead of being parsed.
    public var shards: ShardSet?
    /// Called after each translation unit: (done, total, file).
    public var progress: (@Sendable (Int, Int, String) -> Void)?

    public init(root: String, jobs: Int = 0) {
        self.root = root
        self.jobs = jobs
    }
}

/// Why a scan could not start. Per-file problems are never errors: they are diagnostics in the report.
public enum ScanError: Error, CustomStringConvertible, Equatable {
    case rootNotFound(String)
    case noTranslationUnits(String)
    case input(String)
    case configuration(ConfigurationError)
    /// The shards given to a merge do not cover this scan exactly once, or cannot be read.
    case shards(ShardError)
    /// A flag that contradicts the configuration (`--sink-category` naming a category it does not declare).
    case usage(String)

    public var description: String {
        switch self {
        case .rootNotFound(let p): return "\(p): no such directory"
        case .noTranslationUnits(let p):
            return "\(p): no C, C++ or Objective-C source files found (looked for .c .cc .cpp .cxx .c++ .m .mm, skipping build folders); point sinkmap at a source tree or pass --compile-commands"
        case .input(let message), .usage(let message): return message
        case .configuration(let e): return e.description
        case .shards(let e): return e.description
        }
    }
}
