/// Rewrites qualified names through the aliases a program declares (namespace aliases, using-declarations,
/// typedefs of classes), so a sink rule written one way matches a function declared another.
public struct NameAliases: Sendable, Equatable {
    private var map: [String: String] = [:]

    public init(_ facts: [NameAliasFact] = []) {
        for f in facts.sorted(by: { ($0.alias, $0.canonical) < ($1.alias, $1.canonical) }) where f.alias != f.canonical {
            if map[f.alias] == nil { map[f.alias] = f.canonical }
        }
    }

    public var isEmpty: Bool { map.isEmpty }

    /// The name with every aliased prefix replaced by what it stands for, longest prefix first.
    public func canonical(_ name: String) -> String {
        guard !map.isEmpty else { return name }
        var current = name
        for _ in 0..<8 {
            var parts = NameAliases.split(current)
            var replaced = false
            for end in stride(from: parts.count, through: 1, by: -1) {
                let prefix = parts[0..<end].joined(separator: "::")
                if let target = map[prefix] {
                    parts.replaceSubrange(0..<end, with: NameAliases.split(target))
                    replaced = true
                    break
                }
            }
            guard replaced else { break }
            let next = parts.joined(separator: "::")
            if next == current { break }
            current = next
        }
        return current
    }

    /// `a::b<c::d>::e` → ["a", "b<c::d>", "e"]: splits on `::` outside template brackets and parentheses.
    static func split(_ name: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var chars = Array(name)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "<" || c == "(" { depth += 1 }
            if c == ">" || c == ")" { depth = max(0, depth - 1) }
            if depth == 0, c == ":", i + 1 < chars.count, chars[i + 1] == ":" {
                parts.append(current)
                current = ""
                i += 2
                continue
            }
            current.append(c)
            i += 1
        }
        parts.append(current)
        chars.removeAll()
        return parts
    }
}
