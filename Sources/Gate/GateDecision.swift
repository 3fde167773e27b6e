import SinkmapReport

/// The outcome of comparing a scan with a baseline: the paths nobody approved, the approvals that no longer match
/// any path, and whether the gate passes. Deciding here, from data only, keeps the exit code independent of how
/// the result is printed.
public struct GateDecision: Codable, Equatable, Sendable {
    public static let schemaVersion = "sinkmap-check/v1"

    public enum Outcome: String, Codable, Sendable {
        /// Every path is in the baseline (stale entries allowed).
        case pass
        /// At least one path is not in the baseline.
        case newPaths = "new-paths"
        /// `--fail-on-stale`: every path is approved, but some baseline entries match no path.
        case staleEntries = "stale-entries"
    }

    /// Contract version of the JSON form, `sinkmap-check/v1`.
    public var schema: String
    public var tool: Report.Tool
    public var outcome: Outcome
    /// The baseline file compared against, as given.
    public var baseline: String
    /// Paths whose fingerprint is not in the baseline, in report order, with every frame.
    public var newPaths: [Path]
    /// Baseline entries no path matches any more (renamed or removed code, or a fixed path), in baseline order.
    public var staleEntries: [Baseline.Entry]
    /// How many paths the scan found in the baseline.
    public var approvedPaths: Int
    /// Sinks whose paths a limit cut: paths past the limit were not compared.
    public var truncated: [PathCount]

    public init(report: Report, baseline: Baseline, baselineFile: String, failOnStale: Bool = false) {
        let approved = baseline.ids
        let found = Set(report.paths.map(\.id))
        var seen = Set<String>()
        schema = Self.schemaVersion
        tool = report.tool
        self.baseline = baselineFile
        newPaths = report.paths.filter { !approved.contains($0.id) && seen.insert($0.id).inserted }
        seen = []
        staleEntries = baseline.entries.sorted(by: Baseline.Entry.order)
            .filter { !found.contains($0.id) && seen.insert($0.id).inserted }
        approvedPaths = Set(report.paths.map(\.id)).intersection(approved).count
        truncated = report.pathCounts.filter { !$0.truncatedBy.isEmpty }
        if !newPaths.isEmpty {
            outcome = .newPaths
        } else if failOnStale && !staleEntries.isEmpty {
            outcome = .staleEntries
        } else {
            outcome = .pass
        }
    }

    public var passed: Bool { outcome == .pass }
}
