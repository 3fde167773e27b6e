/// What a file says about expansions whose value is the line they are expanded on: the macros it defines (with
/// the names each one's body mentions, and whether it pastes tokens) and every name it uses outside `#define`s.
/// A file whose tokens did not change but whose lines moved gives another value to `__LINE__` expanded in it —
/// and a value can pick an overload or a template — so such a file is not treated as unchanged
/// (`positionalNames`). A macro that pastes tokens (`##`) counts as positional: it can build `__LINE__`.
public struct PositionalMacros: Sendable {
    /// Macro name → the identifiers of its body; `nil` body marks a macro that pastes tokens.
    public let definitions: [String: Set<String>?]
    /// Identifiers outside `#define` lines (conditions of `#if` included).
    public let used: Set<String>

    /// Names whose expansion is a position wherever it is.
    public static let builtins: Set<String> = ["__LINE__", "__builtin_LINE", "__builtin_COLUMN",
                                                "__builtin_source_location", "source_location", "__TIMESTAMP__"]

    public init(_ bytes: [UInt8]) {
        var definitions: [String: Set<String>?] = [:]
        var used: Set<String> = []
        for line in Self.logicalLines(bytes) {
            var words = Self.identifiers(line)
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
            if trimmed.first == 0x23 || (trimmed.first == 0x25 && trimmed.dropFirst().first == 0x3A), words.count >= 2, words[0] == "define" {
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
            } else {
                used.formUnion(words)
            }
        }
        self.definitions = definitions
        self.used = used
    }

    /// The builtins, and every macro of these files whose body pastes tokens or mentions a positional name.
    public static func positionalNames(_ files: [PositionalMacros]) -> Set<String> {
        var bodies: [String: Set<String>?] = [:]
        for file in files {
            for (name, body) in file.definitions {
                if let known = bodies[name], let old = known, let new = body {
                    bodies[name] = .some(old.union(new))
                } else if bodies[name] != nil {
                    bodies[name] = .some(nil)
                } else {
                    bodies[name] = .some(body)
                }
            }
        }
        var positional = builtins
        var changed = true
        while changed {
            changed = false
            for (name, body) in bodies where !positional.contains(name) {
                if body.map({ !$0.isDisjoint(with: positional) }) ?? true {
                    positional.insert(name)
                    changed = true
                }
            }
        }
        return positional
    }

    /// Lines joined across backslash-newline splices.
    static func logicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var k = 0
        while k < bytes.count {
            let c = bytes[k]
            if c == 0x5C {
                var j = k + 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                if j < bytes.count, bytes[j] == 0x0A { k = j + 1; current.append(0x20); continue }
            }
            if c == 0x0A { lines.append(current); current = [] } else { current.append(c) }
            k += 1
        }
        lines.append(current)
        return lines
    }

    static func identifiers(_ line: [UInt8]) -> [String] {
        var out: [String] = []
        var k = 0
        while k < line.count {
            let c = line[k]
            if isStart(c) {
                var j = k + 1
                while j < line.count, isStart(line[j]) || (line[j] >= 0x30 && line[j] <= 0x39) { j += 1 }
                out.append(String(decoding: line[k..<j], as: UTF8.self))
                k = j
            } else if c >= 0x30 && c <= 0x39 {
                var j = k + 1
                while j < line.count, isStart(line[j]) || (line[j] >= 0x30 && line[j] <= 0x39) || line[j] == 0x2E { j += 1 }
                k = j
            } else {
                k += 1
            }
        }
        return out
    }

    static func isStart(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x24 || c >= 0x80 }
}
