/// Every exit code sinkmap uses; the README's table is generated from the same list by hand — keep both in step.
enum ExitCodes {
    /// The command did what was asked (a scan completed, with or without paths).
    static let success: Int32 = 0
    /// `check`: a path or a call on the sink-reaching slice is not in the baseline (or, with `--fail-on-stale`,
    /// a baseline entry matches no path).
    static let newPaths: Int32 = 1
    /// Bad command line: unknown flag, missing value, conflicting options.
    static let usage: Int32 = 2
    /// A `sinkmap.yml` or a baseline that cannot be used: missing, unreadable, malformed, from a newer sinkmap, or
    /// in an older format (approve again with `sinkmap baseline`).
    static let configuration: Int32 = 3
    /// The input cannot be scanned: the path does not exist, no sources, unreadable compile database.
    static let input: Int32 = 4
    /// `--strict`: the scan completed but some translation units had errors.
    static let diagnostics: Int32 = 5
    /// An output file could not be written.
    static let output: Int32 = 6
    /// `check`: nothing new was found, but part of the tree was not analysed — a unit crashed, timed out or did
    /// not parse (and was not failing that way in the baseline), a skipped folder holds a source the baseline
    /// does not list, or, with `--strict`, a unit parsed with errors.
    static let incomplete: Int32 = 7
    /// Every translation unit (or more than `--max-failed-share` percent of them) failed to parse at all: the report
    /// was written, but it is empty or nearly so (`scan`, `baseline`, `check`, `graph`).
    static let unitsFailed: Int32 = 8
    /// `merge`, `check --facts`: the shards given do not cover the scan exactly once — a shard missing (without
    /// `--allow-partial`) or given twice, made from another compile database, flags, sinkmap, libclang or checkout,
    /// damaged, or parsed from other sources than the tree's.
    static let shards: Int32 = 9
    /// A bug in sinkmap.
    static let internalError: Int32 = 70
    /// Stopped by Ctrl-C (SIGINT): 128 + 2.
    static let interruptedBySIGINT: Int32 = 130
    /// Stopped by SIGTERM: 128 + 15.
    static let interruptedBySIGTERM: Int32 = 143

    /// 128 + the signal's number, as shells report a process a signal ended.
    static func interrupted(by signal: Int32) -> Int32 { 128 + signal }
}
