import PathEngine
import SinkmapCore

/// The project's own sink rules (`sinkmap.yml`) that are the rule of no function in the graph: a misspelt name or
/// a pattern that matches nothing would otherwise watch nothing, silently. Each becomes a warning in the report's
/// `diagnostics` (and so on stderr, in every format), with the closest names in the graph when a `function:` is
/// one or two edits away; `sinkmap check --strict` fails on them.
public enum UnmatchedRules {
    struct Miss: Equatable {
        var rule: SinkRule
        var suggestions: [String]
    }

    /// `sinks[node]` is the index in `rules` of the node's rule (`SinkMatcher.sinks(in:)`).
    static func find(rules: [SinkRule], sinks: [Int?], graph: CallGraph) -> [Miss] {
        var matched = Set<Int>()
        for case let rule? in sinks { matched.insert(rule) }
        let misses = rules.indices.filter { rules[$0].origin != "built-in" && !matched.contains($0) }
        guard !misses.isEmpty else { return [] }
        let names = Array(Set(graph.functions.map(\.name))).sorted()
        return misses.map { i in
            let rule = rules[i]
            var suggestions: [String] = []
            for wanted in rule.names {
                suggestions += closest(to: wanted, in: names)
            }
            return Miss(rule: rule, suggestions: Array(Set(suggestions)).sorted().prefix(3).map { $0 })
        }
    }

    /// Whether a report diagnostic is one of these warnings (the CLI repeats them on stderr).
    public static func isUnmatchedRule(_ message: String) -> Bool {
        message.hasPrefix("sink rule '") && message.contains("' matched no function")
    }

    static func diagnostics(_ misses: [Miss]) -> [DiagnosticFact] {
        misses.map { m in
            var message = "sink rule '\(m.rule.id)' matched no function in the scanned code"
            let what = (m.rule.names.map { "function \"\($0)\"" } + m.rule.patterns.map { "pattern \"\($0)\"" })
            if !what.isEmpty { message += " (\(what.joined(separator: ", ")))" }
            if !m.suggestions.isEmpty {
                message += "; did you mean " + m.suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
            }
            return DiagnosticFact(file: m.rule.origin, severity: .warning, message: message)
        }
    }

    /// The graph's names within a few edits of `wanted` (at most 2, or a quarter of its length), closest first.
    /// A name that differs only in letter case, or only in its namespaces (`Client::generate` for
    /// `vertex::Client::generate`), counts as one edit.
    public static func closest(to wanted: String, in names: [String]) -> [String] {
        let limit = max(2, wanted.count / 4)
        let w = Array(wanted.unicodeScalars), lowered = wanted.lowercased()
        var best: [(Int, String)] = []
        for name in names where name != wanted {
            var d: Int
            if name.lowercased() == lowered || name.hasSuffix("::" + wanted) || wanted.hasSuffix("::" + name) {
                d = 1
            } else {
                let n = Array(name.unicodeScalars)
                guard abs(n.count - w.count) <= limit else { continue }
                d = distance(w, n, limit: limit)
            }
            if d <= limit { best.append((d, name)) }
        }
        best.sort { $0 < $1 }
        guard let first = best.first?.0 else { return [] }
        return best.filter { $0.0 == first }.map(\.1)
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once every cell of a row passes `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
