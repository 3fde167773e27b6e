/// The `#include` directives a source file opens with: nothing but comments and white space before and between them.
/// What a shared preamble may stand in for (`SharedPreambles`): those lines, blanked out of the file, leave the
/// rest of it exactly as clang would see it after them.
///
/// The reading is one-sided. Anything it does not recognise with certainty ends the run: another directive, a
/// token, a line splice, a raw-string or trigraph look-alike, a comment that does not end on its line after a
/// directive, `#include_next`, `#import`, a name through a macro.
public struct LeadingInclude: Hashable, Sendable {
    /// As it goes into the preamble header: `#include <vector>` or `#include "arg.h"`.
    public var directive: String
    /// The name between the delimiters.
    public var name: String
    /// `"…"`: searched first beside the including file.
    public var isQuoted: Bool
    /// The bytes of the directive in the file, from `#` through the closing delimiter.
    public var range: Range<Int>

    /// The run a file opens with; empty when it opens with anything else.
    public static func run(of bytes: [UInt8]) -> [LeadingInclude] {
        var found: [LeadingInclude] = []
        var i = 0
        let n = bytes.count
        // A `#` starts a directive only with nothing but blanks before it on its line.
        var atLineStart = true
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0c || b == 0x0b }
        while i < n {
            let b = bytes[i]
            if b == 0x0a { atLineStart = true; i += 1; continue }
            if isBlank(b) { i += 1; continue }
            if b == 0x2f, i + 1 < n, bytes[i + 1] == 0x2f {            // `//` to the end of the line
                var j = i + 2
                while j < n, bytes[j] != 0x0a {
                    if bytes[j] == 0x5c || bytes[j] == 0x3f { return found }   // a splice or a trigraph may continue it
                    j += 1
                }
                i = j
                continue
            }
            if b == 0x2f, i + 1 < n, bytes[i + 1] == 0x2a {            // `/* … */`
                guard let end = blockCommentEnd(bytes, from: i + 2) else { return found }
                i = end
                atLineStart = false
                continue
            }
            guard b == 0x23, atLineStart, let include = directive(bytes, at: i) else { return found }
            found.append(include.0)
            i = include.1
        }
        return found
    }

    /// The index after `*/`, or nil when the comment does not close, or holds a `?` (a trigraph could end it).
    private static func blockCommentEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var j = start
        while j + 1 < bytes.count {
            if bytes[j] == 0x3f { return nil }
            if bytes[j] == 0x2a, bytes[j + 1] == 0x2f { return j + 2 }
            j += 1
        }
        return nil
    }

    /// `# include <name>` or `# include "name"` starting at `at` (the `#`), and the index where the line ends;
    /// nil for anything else.
    private static func directive(_ bytes: [UInt8], at start: Int) -> (LeadingInclude, Int)? {
        let n = bytes.count
        var lineEnd = start
        while lineEnd < n, bytes[lineEnd] != 0x0a { lineEnd += 1 }
        let line = Array(bytes[start..<lineEnd])
        // A splice, a carriage return or a `?` anywhere on the line: not read here.
        guard !line.contains(0x5c), !line.contains(0x0d), !line.contains(0x3f) else { return nil }
        var j = 1
        while j < line.count, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
        let keyword = Array("include".utf8)
        guard j + keyword.count <= line.count, Array(line[j..<j + keyword.count]) == keyword else { return nil }
        j += keyword.count
        while j < line.count, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
        guard j < line.count, line[j] == 0x3c || line[j] == 0x22 else { return nil }
        let quoted = line[j] == 0x22
        let close: UInt8 = quoted ? 0x22 : 0x3e
        var k = j + 1
        while k < line.count, line[k] != close { k += 1 }
        guard k < line.count, k > j + 1 else { return nil }
        let nameBytes = line[(j + 1)..<k]
        // Only plain printable names; a `/*` or `//` inside one is a name clang would read differently.
        guard nameBytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }), let name = String(bytes: nameBytes, encoding: .utf8),
              !name.contains("/*"), !name.contains("//") else { return nil }
        // After the name: white space, or a `//` comment, or a `/* … */` that closes on this line.
        var rest = k + 1
        while rest < line.count {
            let c = line[rest]
            if c == 0x20 || c == 0x09 { rest += 1; continue }
            if c == 0x2f, rest + 1 < line.count, line[rest + 1] == 0x2f { rest = line.count; break }
            if c == 0x2f, rest + 1 < line.count, line[rest + 1] == 0x2a {
                guard let end = blockCommentEnd(line, from: rest + 2) else { return nil }
                rest = end
                continue
            }
            return nil
        }
        let spelled = quoted ? "#include \"\(name)\"" : "#include <\(name)>"
        return (LeadingInclude(directive: spelled, name: name, isQuoted: quoted, range: start..<(start + k + 1)), lineEnd)
    }
}
