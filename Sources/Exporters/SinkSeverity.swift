import SinkmapReport

/// How serious a path to each sink category is, for code scanning's `security-severity` (0.0–10.0; GitHub shows
/// ≥ 9 critical, ≥ 7 high, ≥ 4 medium, else low). A path is something to review, not a proven defect, so nothing is
/// critical: loading native code or a model file reached from an entry point (code execution through a plugin
/// or a malicious model) ranks highest, hosted-model calls (data leaving the machine) and inference (prompt
/// injection) next. Docs/sinks.md gives the same table; a test keeps them equal.
enum SinkSeverity {
    static let scores: [String: String] = [
        "code-load": "8.0",
        "model-load": "7.5",
        "network": "6.5",
        "inference": "6.0",
        "template": "5.5",
        "tokenize": "4.0",
        "embedding": "4.0",
        "sampling": "3.0",
    ]
    /// A category sinkmap does not know (a project's own).
    static let other = "5.0"

    static func known(_ category: String) -> Bool { scores[category] != nil }
    static func score(_ category: String) -> String { scores[category] ?? other }
    /// A category the project declared (`categories:` in sinkmap.yml) has the severity it was given, else `other`.
    static func score(_ category: String, in report: Report) -> String {
        scores[category] ?? report.categories?.first { $0.id == category }?.severity ?? other
    }
}
