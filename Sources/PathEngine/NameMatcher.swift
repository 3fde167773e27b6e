import Foundation
import SinkmapCore

/// Matches qualified names against a list of rules, each a set of exact names and regular expressions; the
/// first rule that matches wins. Used for entry, source and operation rules (sinks have `SinkMatcher`, which
/// also reads names through the program's aliases).
public struct NameMatcher: Sendable {
    /// Exact names and the rule each belongs to (the first rule naming it).
    let exact: [String: Int]
    private let patterns: [(rule: Int, regex: NSRegularExpression)]

    /// `rules[i]` is (names, patterns) of rule i. Fails on the first invalid regular expression, naming it.
    public init(_ rules: [(names: [String], patterns: [String])]) throws {
        var exact: [String: Int] = [:]
        var patterns: [(Int, NSRegularExpression)] = []
        for (i, rule) in rules.enumerated() {
            for name in rule.names where exact[name] == nil { exact[name] = i }
            for p in rule.patterns {
                do {
                    patterns.append((i, try NSRegularExpression(pattern: p)))
                } catch {
                    throw NameMatcherError.invalidPattern(p)
                }
            }
        }
        self.exact = exact
        self.patterns = patterns
    }

    /// The first rule matching this name.
    public func match(_ name: String) -> Int? {
        var best = exact[name]
        let range = NSRange(name.startIndex..., in: name)
        for (rule, regex) in patterns where best == nil || rule < best! {
            if regex.firstMatch(in: name, range: range) != nil { best = rule; break }
        }
        return best
    }

    /// The first rule matching a function by its name or a name a call wrote it as.
    public func match(_ f: Function) -> Int? {
        ([f.name] + f.aliases).compactMap(match).min()
    }
}

public enum NameMatcherError: Error, CustomStringConvertible, Equatable {
    case invalidPattern(String)
    public var description: String {
        switch self {
        case .invalidPattern(let p): return "'\(p)' is not a valid regular expression"
        }
    }
}
