import Foundation
import SinkmapCore

/// Matches qualified names against a list of rules, each a set of exact names and regular expressions; the
/// first rule that matches wins. Used for entry, source and operation rules (sinks have `SinkMatcher`, which
/// also reads names through the program's aliases).
public struct NameMatcher: Sendable {
    /// Exact names and the rule each belongs to (the first rule naming it).
    let exact: [String: Int]
    /// Every rule's patterns in rule order, as one automaton (`PatternSet`); `ruleOfPattern[i]` owns pattern i.
    private let patterns: PatternSet
    private let ruleOfPattern: [Int]

    /// `rules[i]` is (names, patterns) of rule i. Fails on the first unusable regular expression, naming it, and
    /// on more patterns than `PatternSet.Limits` allow. Matching a name costs one pass over it, whatever the count.
    public init(_ rules: [(names: [String], patterns: [String])]) throws {
        var exact: [String: Int] = [:]
        var all: [String] = []
        var ruleOfPattern: [Int] = []
        for (i, rule) in rules.enumerated() {
            for name in rule.names where exact[name] == nil { exact[name] = i }
            all += rule.patterns
            ruleOfPattern += Array(repeating: i, count: rule.patterns.count)
        }
        do {
            patterns = try PatternSet(all)
        } catch PatternError.invalid(_, let p, _) {
            throw NameMatcherError.invalidPattern(p)
        } catch let e as PatternError {
            throw NameMatcherError.limit(e.description)
        }
        self.exact = exact
        self.ruleOfPattern = ruleOfPattern
    }

    /// The first rule matching this name. Patterns are in rule order, so the first pattern found is the first rule.
    public func match(_ name: String) -> Int? {
        let byPattern = patterns.firstMatch(name).map { ruleOfPattern[$0] }
        switch (exact[name], byPattern) {
        case let (a?, b?): return min(a, b)
        case let (a, b): return a ?? b
        }
    }

    /// The first rule matching a function by its name or a name a call wrote it as.
    public func match(_ f: Function) -> Int? {
        ([f.name] + f.aliases).compactMap(match).min()
    }
}

public enum NameMatcherError: Error, CustomStringConvertible, Equatable {
    case invalidPattern(String)
    case limit(String)
    public var description: String {
        switch self {
        case .invalidPattern(let p): return "'\(p)' is not a valid regular expression"
        case .limit(let message): return message
        }
    }
}
