import PathEngine
import Yams

/// The threat-context sections of `sinkmap.yml`: `entries:` (the project's own entry points) and `sources:`
/// (more functions that read untrusted input). Same checks as sink rules: unknown keys, missing fields, unknown
/// kinds and bad regular expressions are errors at their line.
extension ConfigurationParser {
    func entryRule(_ node: Node) throws -> EntryRule {
        guard let map = node.mapping else {
            throw error(node, "each entry-point rule must be a mapping with 'kind' and 'function' or 'pattern'")
        }
        var kind: EntryKind?, label: String?, untrusted: Bool?
        var names: [String] = [], patterns: [String] = []
        for (key, value) in map {
            let k = key.string ?? ""
            switch k {
            case "kind":
                let s = try scalar(value, k)
                guard let c = EntryKind(rawValue: s) else {
                    throw error(value, "unknown entry-point kind '\(s)' (expected one of: \(EntryKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                kind = c
            case "label": label = try scalar(value, k)
            case "untrusted":
                guard let b = value.bool else { throw error(value, "'untrusted' must be true or false") }
                untrusted = b
            case "function", "functions", "pattern", "patterns":
                try readMatcher(k, value, names: &names, patterns: &patterns)
            default:
                throw error(key, "unknown key '\(k)' in an entry-point rule (expected kind, label, untrusted, function, functions, pattern, patterns)")
            }
        }
        guard let kind else { throw error(node, "an entry-point rule needs a 'kind'") }
        guard !names.isEmpty || !patterns.isEmpty else {
            throw error(node, "an entry-point rule needs a 'function' (exact qualified name) or a 'pattern' (regular expression)")
        }
        return EntryRule(names: names, patterns: patterns, kind: kind, label: label, untrusted: untrusted, origin: file)
    }

    func sourceRule(_ node: Node) throws -> SourceRule {
        guard let map = node.mapping else {
            throw error(node, "each source rule must be a mapping with 'id', 'kind' and 'function' or 'pattern'")
        }
        var id: String?, kind: SourceKind?
        var names: [String] = [], patterns: [String] = []
        for (key, value) in map {
            let k = key.string ?? ""
            switch k {
            case "id": id = try scalar(value, k)
            case "kind":
                let s = try scalar(value, k)
                guard let c = SourceKind(rawValue: s) else {
                    throw error(value, "unknown source kind '\(s)' (expected one of: \(SourceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                kind = c
            case "function", "functions", "pattern", "patterns":
                try readMatcher(k, value, names: &names, patterns: &patterns)
            default:
                throw error(key, "unknown key '\(k)' in a source rule (expected id, kind, function, functions, pattern, patterns)")
            }
        }
        guard let id, !id.isEmpty else { throw error(node, "a source rule needs an 'id'") }
        guard let kind else { throw error(node, "source rule '\(id)' needs a 'kind'") }
        guard !names.isEmpty || !patterns.isEmpty else {
            throw error(node, "source rule '\(id)' needs a 'function' (exact qualified name) or a 'pattern' (regular expression)")
        }
        return SourceRule(id: id, kind: kind, names: names, patterns: patterns, origin: file)
    }
}
