/// What a file says about expansions whose value is the line they are expanded on: the macros it defines (with
/// the names each one's body mentions, and whether it pastes tokens) and, when asked, every name it uses outside
/// `#define`s. A file whose tokens did not change but whose lines moved gives another value to `__LINE__` expanded
/// in it — and a value can pick an overload or a template — so such a file is not treated as unchanged
/// (`usesPosition`). A macro that pastes tokens (`##`) counts as positional: it can build `__LINE__`.
public struct PositionalMacros: Sendable {
    /// Macro name → the identifiers of its body; a `nil` body marks a macro that pastes tokens.
    public let definitions: [String: Set<String>?]
    /// Identifiers outside `#define` lines (conditions of `#if` included); empty unless asked for.
    public let used: Set<String>

    /// Names whose expansion is a position wherever it is.
    public static let builtins: Set<String> = ["__LINE__", "__builtin_LINE", "__builtin_COLUMN",
                                                "__builtin_source_location", "source_location", "__TIMESTAMP__"]

    public init(_ bytes: [UInt8], names: Bool = false) {
        var definitions: [String: Set<String>?] = [:]
        var used: Set<String> = []
        Self.forEachLogicalLine(bytes) { line in
            var k = line.startIndex
            while k < line.endIndex, line[k] == 0x20 || line[k] == 0x09 { k += 1 }
            let directive = k < line.endIndex && (line[k] == 0x23 || (line[k] == 0x25 && k + 1 < line.endIndex && line[k + 1] == 0x3A))
            // Lines that are not directives matter only for the names a moved file uses.
            guard directive || names else { return }
            var words = Self.identifiers(line)
            if directive, words.count >= 2, words[0] == "define" {
                let name = words[1]
                words.removeFirst(2)
                let pastes = zip(line, line.dropFirst()).contains { $0 == 0x23 && $1 == 0x23 }
                let body: Set<String>? = pastes ? nil : Set(words)
                if let known = definitions[name], let old = known, let new = body {
                    definitions[name] = .some(old.union(new))   // defined twice: either may be in force
                } else if definitions[name] != nil {
                    definitions[name] = .some(nil)
                } else {
                    definitions[name] = .some(body)
                }
            } else if names {
                used.formUnion(words)
            }
        }
        self.definitions = definitions
        self.used = used
    }

    /// Whether any of `names` is positional given the definitions `definitions(of:)` finds among a unit's files: a
    /// builtin, or a macro whose body pastes tokens or mentions a positional name (followed from `names` only).
    public static func usesPosition(_ names: Set<String>, definitions: (String) -> [Set<String>?]) -> Bool {
        var seen = Set<String>()
        var frontier = Array(names)
        while let name = frontier.popLast() {
            guard seen.insert(name).inserted else { continue }
            if builtins.contains(name) { return true }
            for body in definitions(name) {
                guard let body else { return true }
                frontier.append(contentsOf: body.subtracting(seen))
            }
        }
        return false
    }

    /// Each line, joined across backslash-newline splices.
    static func forEachLogicalLine(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        var start = 0
        var joined: [UInt8]?
        var k = 0
        while k < bytes.count {
            let c = bytes[k]
            if c == 0x5C {
                var j = k + 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                if j < bytes.count, bytes[j] == 0x0A {
                    joined = (joined ?? []) + bytes[start..<k] + [0x20]
                    k = j + 1
                    start = k
                    continue
                }
            }
            if c == 0x0A {
                if let j = joined { body((j + bytes[start..<k])[...]); joined = nil } else { body(bytes[start..<k]) }
                start = k + 1
            }
            k += 1
        }
        if let j = joined { body((j + bytes[start..<bytes.count])[...]) } else { body(bytes[start..<bytes.count]) }
    }

    static func identifiers(_ line: ArraySlice<UInt8>) -> [String] {
        var out: [String] = []
        var k = line.startIndex
        while k < line.endIndex {
            let c = line[k]
            if isStart(c) {
                var j = k + 1
                while j < line.endIndex, isStart(line[j]) || (line[j] >= 0x30 && line[j] <= 0x39) { j += 1 }
                out.append(String(decoding: line[k..<j], as: UTF8.self))
                k = j
            } else if c >= 0x30 && c <= 0x39 {
                var j = k + 1
                while j < line.endIndex, isStart(line[j]) || (line[j] >= 0x30 && line[j] <= 0x39) || line[j] == 0x2E { j += 1 }
                k = j
            } else {
                k += 1
            }
        }
        return out
    }

    static func isStart(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x24 || c >= 0x80 }
}
