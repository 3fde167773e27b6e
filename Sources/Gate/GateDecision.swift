import SinkmapReport

/// The outcome of comparing a scan with a baseline: the paths and slice calls nobody approved, what was not
/// analysed, the approvals that no longer match any path, and whether the gate passes. Deciding here, from data
/// only, keeps the exit code independent of how the result is printed.
///
/// The gate fails closed: a change anywhere on the sink-reaching slice of the graph fails it even when path
/// enumeration was cut by a limit, and so does a unit that was not analysed (crashed, timed out, not parsed) or
/// a source in a skipped folder, unless the baseline already knew it.
public struct GateDecision: Codable, Equatable, Sendable {
    public static let schemaVersion = "sinkmap-check/v2"

    public enum Outcome: String, Codable, Sendable {
        /// Every path and slice call is in the baseline, and everything was analysed (stale entries allowed).
        case pass
        /// At least one path or one call on the slice is not in the baseline.
        case newPaths = "new-paths"
        /// Nothing new was found, but part of the tree was not analysed (see `Incomplete`): the gate cannot say.
        case incomplete
        /// `--fail-on-stale` or `--strict`: every path is approved, but some baseline entries match no path.
        case staleEntries = "stale-entries"
    }

    /// What the scan did not analyse that the baseline did not already accept.
    public struct Incomplete: Codable, Equatable, Sendable {
        /// Units that crashed, timed out or did not parse, not failing the same way in the baseline.
        public var failedUnits: [FailedUnit]
        /// `--strict`: units parsed with errors (calls may have been recovered by name, or missed).
        public var unitsWithErrors: [String]
        /// Sources under skipped folders the baseline does not list (and `exclude:` does not name).
        public var skippedSources: [String]
        /// `--strict`: ids of `sinkmap.yml` sink rules that matched no function — a sink the project meant to
        /// watch that nothing is watching (a misspelt name, a pattern that matches nothing).
        public var unmatchedRules: [String] = []

        public var isEmpty: Bool {
            failedUnits.isEmpty && unitsWithErrors.isEmpty && skippedSources.isEmpty && unmatchedRules.isEmpty
        }
    }

    /// Contract version of the JSON form, `sinkmap-check/v2`.
    public var schema: String
    public var tool: Report.Tool
    public var outcome: Outcome
    /// The baseline file compared against, as given.
    public var baseline: String
    /// Paths whose fingerprint is not in the baseline, in report order, with every frame.
    public var newPaths: [Path]
    /// Calls on the sink-reaching slice whose fingerprint is not in the baseline and that no listed new path
    /// shows (caller then callee), by id: each with an entry point and a sink it connects. Found whatever the
    /// path limits cut — a path past `--max-depth`, a call inside a sink's body.
    public var newCalls: [SliceCall]
    public var incomplete: Incomplete
    /// Baseline entries no path matches any more (renamed or removed code, or a fixed path), in baseline order.
    public var staleEntries: [Baseline.Entry]
    /// How many paths the scan found in the baseline.
    public var approvedPaths: Int
    /// Sinks whose paths a limit cut: paths past the limit were not listed (their calls were compared as slice calls).
    public var truncated: [PathCount]

    public init(report: Report, evidence: GateEvidence = GateEvidence(), baseline: Baseline, baselineFile: String,
                failOnStale: Bool = false, strict: Bool = false) {
        let approved = baseline.ids
        let found = Set(report.paths.map(\.id))
        var seen = Set<String>()
        schema = Self.schemaVersion
        tool = report.tool
        self.baseline = baselineFile
        newPaths = report.paths.filter { !approved.contains($0.id) && seen.insert($0.id).inserted }
        let approvedCalls = Set(baseline.calls.map(\.id))
        var shown = Set<String>()
        for path in newPaths {
            for (a, b) in zip(path.frames, path.frames.dropFirst()) { shown.insert(a.function + "\u{0}" + b.function) }
        }
        newCalls = evidence.calls.filter {
            !approvedCalls.contains($0.id) && !shown.contains($0.caller + "\u{0}" + $0.callee)
        }
        let knownFailures = Set(baseline.failedUnits), knownSkipped = Set(baseline.skippedSources)
        incomplete = Incomplete(failedUnits: evidence.failedUnits.filter { !knownFailures.contains($0) },
                                unitsWithErrors: strict ? evidence.unitsWithErrors : [],
                                skippedSources: evidence.skippedSources.filter { !knownSkipped.contains($0) },
                                unmatchedRules: strict ? evidence.unmatchedRules : [])
        seen = []
        staleEntries = baseline.entries.sorted(by: Baseline.Entry.order)
            .filter { !found.contains($0.id) && seen.insert($0.id).inserted }
        approvedPaths = Set(report.paths.map(\.id)).intersection(approved).count
        truncated = report.pathCounts.filter { !$0.truncatedBy.isEmpty }
        if !newPaths.isEmpty || !newCalls.isEmpty {
            outcome = .newPaths
        } else if !incomplete.isEmpty {
            outcome = .incomplete
        } else if (failOnStale || strict) && !staleEntries.isEmpty {
            outcome = .staleEntries
        } else {
            outcome = .pass
        }
    }

    public var passed: Bool { outcome == .pass }
}
