import Foundation
import SinkmapCore

/// Decides which graph nodes are sinks. Rules are tried in order — project rules before built-in ones — and
/// the first that matches a node's qualified name owns it.
public struct SinkMatcher {
    public let rules: [SinkRule]
    private let names: NameMatcher
    private var exact: [String: Int] { names.exact }

    /// Fails on the first pattern that is not a valid regular expression, naming its rule.
    public init(rules: [SinkRule]) throws {
        self.rules = rules
        do {
            names = try NameMatcher(rules.map { (names: $0.names, patterns: $0.patterns) })
        } catch NameMatcherError.invalidPattern(let p) {
            throw SinkMatcherError.invalidPattern(rule: rules.first { $0.patterns.contains(p) }?.id ?? "?", pattern: p)
        }
    }

    /// Index into `rules` of the rule matching this qualified name, if any.
    public func match(_ name: String) -> Int? { names.match(name) }

    /// Rule index per node; nil where the node is not a sink. Lambdas, blocks, initializers and variables
    /// never are. A node matches by its qualified name or any name a call wrote it as (the receiver's static
    /// type), each also read through the program's namespace and type aliases — and rules are read through
    /// them too, so `torch::jit::script::Module::forward` finds `torch::jit::Module::forward`.
    public func sinks(in graph: CallGraph) -> [Int?] {
        let aliases = graph.nameAliases
        var canonicalExact: [String: Int] = [:]
        if !aliases.isEmpty {
            for (name, rule) in exact {
                let c = aliases.canonical(name)
                if c != name, canonicalExact[c].map({ rule < $0 }) ?? true { canonicalExact[c] = rule }
            }
        }
        return graph.functions.map { f in
            switch f.kind {
            case .initializer, .lambda, .block, .variable: return nil
            default: break
            }
            var names = [f.name] + f.aliases
            if !aliases.isEmpty { names += names.map(aliases.canonical) }
            var best: Int?
            for n in names {
                let hit = [match(n), canonicalExact[n]].compactMap { $0 }.min()
                if let hit, best.map({ hit < $0 }) ?? true { best = hit }
            }
            return best
        }
    }
}

public enum SinkMatcherError: Error, CustomStringConvertible, Equatable {
    case invalidPattern(rule: String, pattern: String)

    public var description: String {
        switch self {
        case .invalidPattern(let rule, let pattern):
            return "sink rule '\(rule)': '\(pattern)' is not a valid regular expression"
        }
    }
}
