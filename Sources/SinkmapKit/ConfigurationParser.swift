import ClangFrontend
import Foundation
import PathEngine
import SinkmapCore
import Yams

/// Reads the YAML node tree of a `sinkmap.yml`, checking every key and value and pointing at the line of
/// anything wrong. Unknown keys are errors: a misspelt `patern:` must not silently match nothing.
struct ConfigurationParser {
    let file: String

    func read(_ node: Node, into config: inout Configuration) throws {
        guard let top = node.mapping else { throw error(node, "the top level must be a mapping (keys such as 'sinks:')") }
        try checkCounts(top)
        // Read first, wherever the key stands: the rules' categories are checked against them.
        if let declared = top.first(where: { $0.key.string == "categories" })?.value {
            config.categories = try categories(declared)
        }
        for (key, value) in top {
            switch key.string {
            case "categories":
                break
            case "sinks":
                guard let list = value.sequence else { throw error(value, "'sinks' must be a list of rules") }
                var seen: Set<String> = []
                for item in list {
                    let rule = try sinkRule(item, declared: config.categories)
                    if !seen.insert(rule.id).inserted {
                        let idNode = item.mapping?.first { $0.key.string == "id" }?.value ?? item
                        throw error(idNode, "sink rule id '\(rule.id)' is used twice")
                    }
                    config.sinks.append(rule)
                }
            case "builtin-sinks":
                guard let b = value.bool else { throw error(value, "'builtin-sinks' must be true or false") }
                config.builtinSinks = b
            case "entries":
                guard let list = value.sequence else { throw error(value, "'entries' must be a list of entry-point rules") }
                config.entries = try list.map(entryRule)
            case "sources":
                guard let list = value.sequence else { throw error(value, "'sources' must be a list of source rules") }
                var seen: Set<String> = []
                for item in list {
                    let rule = try sourceRule(item)
                    if !seen.insert(rule.id).inserted {
                        let idNode = item.mapping?.first { $0.key.string == "id" }?.value ?? item
                        throw error(idNode, "source rule id '\(rule.id)' is used twice")
                    }
                    config.sources.append(rule)
                }
            case "builtin-sources":
                guard let b = value.bool else { throw error(value, "'builtin-sources' must be true or false") }
                config.builtinSources = b
            case "vendored":
                config.vendored = try globs(value, "vendored")
            case "project":
                config.project = try globs(value, "project")
            case "exclude":
                config.exclude = try strings(value, "exclude")
                if let empty = value.sequence?.first(where: { $0.scalar?.string.isEmpty ?? false }) {
                    throw error(empty, "an 'exclude' glob cannot be empty")
                }
            case "parse":
                try parseSettings(value, into: &config)
            default:
                throw error(key, "unknown key '\(key.string ?? "?")' (expected 'sinks', 'categories', 'builtin-sinks', 'entries', 'sources', 'builtin-sources', 'exclude', 'vendored', 'project' or 'parse')")
            }
        }
    }

    private func sinkRule(_ node: Node, declared: [CategoryDeclaration]) throws -> SinkRule {
        guard let map = node.mapping else { throw error(node, "each sink rule must be a mapping with 'id', 'category' and 'function' or 'pattern'") }
        var id: String?, category: SinkCategory?, reason: String?
        var names: [String] = [], patterns: [String] = []
        for (key, value) in map {
            let k = key.string ?? ""
            switch k {
            case "id": id = try scalar(value, k)
            case "category":
                let s = try scalar(value, k)
                guard let c = SinkCategory.builtIn(named: s) ?? declared.first(where: { $0.id == s }).map({ SinkCategory(rawValue: $0.id) }) else {
                    throw error(value, Self.unknownCategory(s, declared: declared))
                }
                category = c
            case "reason": reason = try scalar(value, k)
            case "function", "functions", "pattern", "patterns":
                try readMatcher(k, value, names: &names, patterns: &patterns)
            default:
                throw error(key, "unknown key '\(k)' in a sink rule (expected id, category, reason, function, functions, pattern, patterns)")
            }
        }
        guard let id, !id.isEmpty else { throw error(node, "a sink rule needs an 'id'") }
        guard let category else { throw error(node, "sink rule '\(id)' needs a 'category'") }
        guard !names.isEmpty || !patterns.isEmpty else {
            throw error(node, "sink rule '\(id)' needs a 'function' (exact qualified name) or a 'pattern' (regular expression)")
        }
        return SinkRule(id: id, category: category, reason: reason ?? "Project rule \(id)", names: names,
                        patterns: patterns, origin: file)
    }

    /// `categories:` — the project's own sink categories: an id its rules name, a description, and optionally the
    /// `security-severity` SARIF gives their paths.
    private func categories(_ node: Node) throws -> [CategoryDeclaration] {
        guard let list = node.sequence else { throw error(node, "'categories' must be a list of categories, each with 'id' and 'description'") }
        var out: [CategoryDeclaration] = []
        for item in list {
            guard let map = item.mapping else { throw error(item, "each category must be a mapping with 'id' and 'description'") }
            var id: String?, description: String?, severity: String?
            var idNode = item
            for (key, value) in map {
                let k = key.string ?? ""
                switch k {
                case "id":
                    let s = try scalar(value, k)
                    idNode = value
                    guard CategoryDeclaration.isValidID(s) else {
                        throw error(value, "category id '\(s)' must be lowercase letters, digits and '-' (at most \(CategoryDeclaration.maximumIDLength) characters, starting with a letter)")
                    }
                    if SinkCategory.builtIn(named: s) != nil {
                        throw error(value, "category '\(s)' is built in; declare only the project's own categories")
                    }
                    id = s
                case "description":
                    let s = try scalar(value, k)
                    guard !s.isEmpty, !s.contains("\n") else { throw error(value, "a category's 'description' must be one line of text") }
                    description = s
                case "severity":
                    guard let x = value.float ?? value.int.map(Double.init), x.isFinite, (0...10).contains(x) else {
                        throw error(value, "'severity' must be a number from 0.0 to 10.0 (SARIF security-severity: 9 and above critical, 7 high, 4 medium, below low)")
                    }
                    severity = String(format: "%.1f", x)
                default:
                    throw error(key, "unknown key '\(k)' in a category (expected id, description, severity)")
                }
            }
            guard let id else { throw error(item, "a category needs an 'id'") }
            guard let description else { throw error(item, "category '\(id)' needs a 'description'") }
            if out.contains(where: { $0.id == id }) { throw error(idNode, "category '\(id)' is declared twice") }
            out.append(CategoryDeclaration(id: id, description: description, severity: severity))
        }
        return out
    }

    /// `unknown category 'telemtry' …; did you mean 'telemetry'?`: the valid names, then the closest one.
    static func unknownCategory(_ name: String, declared: [CategoryDeclaration]) -> String {
        let valid = SinkCategory.builtIn.map(\.rawValue) + declared.map(\.id)
        var message = "unknown category '\(name)' (expected one of: \(valid.joined(separator: ", ")); "
            + "a project's own category is declared under 'categories:')"
        let close = UnmatchedRules.closest(to: name, in: valid)
        if !close.isEmpty { message += "; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?" }
        return message
    }

    /// The keys every rule shares: `function`/`functions` (exact qualified names), `pattern`/`patterns` (regular
    /// expressions, each checked here so a bad one points at its own line).
    func readMatcher(_ key: String, _ value: Node, names: inout [String], patterns: inout [String]) throws {
        switch key {
        case "function": names.append(try scalar(value, key))
        case "functions": names += try strings(value, key)
        case "pattern": patterns.append(try regex(value))
        default:
            guard let list = value.sequence else { throw error(value, "'patterns' must be a list of strings") }
            for item in list { patterns.append(try regex(item)) }
        }
    }

    /// `parse:` — how units are parsed: extra flags (every unit, C, C++; they pass the compilation database's
    /// allowlist when used), the standard for units whose command names none, and the share of failed units that
    /// fails the scan.
    private func parseSettings(_ node: Node, into config: inout Configuration) throws {
        guard let map = node.mapping else { throw error(node, "'parse' must be a mapping (keys such as 'extra-args-cxx:')") }
        for (key, value) in map {
            switch key.string {
            case "extra-args": config.parse.extraArgs = try flags(value, "extra-args")
            case "extra-args-c": config.parse.extraArgsC = try flags(value, "extra-args-c")
            case "extra-args-cxx": config.parse.extraArgsCXX = try flags(value, "extra-args-cxx")
            case "std-c", "std-cxx":
                let k = key.string!
                let v = try scalar(value, k)
                guard let language = LanguageFlags.validStandard(v), (language == .c) == (k == "std-c") else {
                    throw error(value, "'\(k)' must be a \(k == "std-c" ? "C" : "C++") standard as -std= spells it (\(k == "std-c" ? "gnu11, c17" : "gnu++17, c++20"), …)")
                }
                if k == "std-c" { config.parse.standardC = v } else { config.parse.standardCXX = v }
            case "max-failed-share":
                guard let n = value.int, (0...100).contains(n) else {
                    throw error(value, "'max-failed-share' must be a whole percentage from 0 to 100")
                }
                config.parse.maxFailedShare = n
            default:
                throw error(key, "unknown key '\(key.string ?? "?")' under 'parse' (expected 'extra-args', 'extra-args-c', 'extra-args-cxx', 'std-c', 'std-cxx' or 'max-failed-share')")
            }
        }
    }

    /// Compiler flags: each a string starting with '-'.
    private func flags(_ node: Node, _ key: String) throws -> [String] {
        guard let list = node.sequence else { throw error(node, "'\(key)' must be a list of compiler flags") }
        return try list.map { item in
            let f = try scalar(item, key)
            guard f.hasPrefix("-"), f.count <= 4096 else { throw error(item, "'\(f)' is not a compiler flag (it must start with '-')") }
            return f
        }
    }

    /// A pattern RE2 accepts within `PatternSet.Limits` (length, complexity), else an error at its line.
    func regex(_ node: Node) throws -> String {
        let p = try scalar(node, "pattern")
        if let problem = PatternSet.problem(p) {
            throw self.error(node, problem.isSyntax ? "'\(p)' is not a valid regular expression" : "'\(p)': \(problem)")
        }
        return p
    }

    /// A list of path globs relative to the root (`third_party/**`, `src/gen/*.cc`, a plain folder `deps/x`).
    func globs(_ node: Node, _ key: String) throws -> [String] {
        guard let list = node.sequence else { throw error(node, "'\(key)' must be a list of path globs relative to the scanned root") }
        return try list.map { item in
            let g = try scalar(item, key)
            guard !g.isEmpty, !g.hasPrefix("/"), !g.split(separator: "/").contains("..") else {
                throw error(item, "'\(g)' must be a path glob inside the scanned root (relative, no '..')")
            }
            return g
        }
    }

    /// Rules and patterns in one sinkmap.yml are bounded: each pattern is compiled, and all are matched as one automaton.
    static let maximumRules = 10_000
    static let maximumPatterns = 10_000

    /// Counted on the node tree before any rule is read or any pattern compiled, so a huge list is refused at once.
    func checkCounts(_ top: Node.Mapping) throws {
        var rules = 0, patterns = 0
        for (key, value) in top where ["sinks", "categories", "entries", "sources"].contains(key.string ?? "") {
            for item in value.sequence ?? [] {
                rules += 1
                guard rules <= Self.maximumRules else {
                    throw error(item, "more than \(Self.maximumRules) rules; at most \(Self.maximumRules) are allowed")
                }
                for (k, v) in item.mapping ?? [:] {
                    if k.string == "pattern" { patterns += 1 }
                    if k.string == "patterns" { patterns += v.sequence?.count ?? 1 }
                    guard patterns <= Self.maximumPatterns else {
                        throw error(v, "more than \(Self.maximumPatterns) patterns; at most \(Self.maximumPatterns) are allowed (list exact names under 'functions:' instead: they cost no matching time)")
                    }
                }
            }
        }
    }

    func scalar(_ node: Node, _ key: String) throws -> String {
        guard let s = node.scalar?.string else { throw error(node, "'\(key)' must be a string") }
        return s
    }

    func strings(_ node: Node, _ key: String) throws -> [String] {
        guard let list = node.sequence else { throw error(node, "'\(key)' must be a list of strings") }
        return try list.map { try scalar($0, key) }
    }

    func error(_ node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    static func describe(_ e: YamlError, file: String) -> ConfigurationError {
        switch e {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return ConfigurationError(file: file, message: "not valid YAML: \(e)")
        }
    }
}
