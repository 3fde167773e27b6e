import Foundation

/// The include search of one translation unit, replayed on the text of the files it read: for every `#include`,
/// `#include_next`, `#import` and `__has_include`/`__has_include_next` with a literal name, the paths the search
/// looks at, in its order — the including file's folder (quoted names only), `-iquote`, `-I`, `-isystem`,
/// `-idirafter` — up to the first that exists. The ones that did not exist are a cached unit's *negative*
/// dependencies: a file appearing at one of them (a header that shadows another, a header that was missing, a
/// `__has_include` that becomes true) changes what the unit means, so its cached facts must not be reused.
///
/// Replayed on text, every directive counts, even one in a comment or a disabled `#if` branch: more probes than
/// clang made, never fewer. The compiler's own system folders are not replayed (they are outside the tree).
public struct IncludeSearch {
    /// `-iquote` folders, absolute.
    let quoted: [String]
    /// `-I`, then `-isystem`, then `-idirafter` folders, absolute.
    let angled: [String]

    public init(job: CompileJob) {
        var iquote: [String] = [], include: [String] = [], system: [String] = [], after: [String] = []
        var args = job.arguments[...]
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : (job.directory as NSString).appendingPathComponent(p)
        }
        while let arg = args.popFirst() {
            for (flag, list) in [("-iquote", 0), ("-isystem", 1), ("-idirafter", 2), ("-I", 3),
                                 ("--include-directory=", 3)] where arg.hasPrefix(flag) {
                var value = String(arg.dropFirst(flag.count))
                if value.isEmpty, !flag.hasSuffix("=") { value = args.popFirst() ?? "" }
                guard !value.isEmpty, value != "-" else { break }
                switch list {
                case 0: iquote.append(absolute(value))
                case 1: system.append(absolute(value))
                case 2: after.append(absolute(value))
                default: include.append(absolute(value))
                }
                break
            }
        }
        quoted = iquote
        angled = include + system + after
    }

    /// What replaying the search over `files` (absolute paths, with their text) found.
    public struct Probes: Equatable, Sendable {
        /// Paths looked at that did not exist, sorted, each once.
        public var absent: [String]
        /// Files found (the first existing candidate of each directive), sorted, each once.
        public var found: [String]
    }

    /// Nil when a directive names its header through a macro (`#include CONFIG_H`): such a search cannot be
    /// replayed, so the unit must not be cached. `names` gives a file's header names (`names(in:)` of its text,
    /// nil when it cannot be replayed); `exists` answers for one path. Callers memoise both: units share headers.
    public func probes(files: [String], names: (String) -> [Name]?, exists: (String) -> Bool) -> Probes? {
        var absent = Set<String>(), found = Set<String>()
        for file in files {
            guard let names = names(file) else { return nil }
            let own = (file as NSString).deletingLastPathComponent
            for (name, isQuoted) in names {
                let folders = name.hasPrefix("/") ? [""] : (isQuoted ? [own] + quoted + angled : angled)
                for folder in folders {
                    let candidate = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
                    if exists(candidate) { found.insert(candidate); break }
                    absent.insert(candidate)
                }
            }
        }
        return Probes(absent: absent.sorted(), found: found.sorted())
    }

    /// A header name as written: `"name"` (quoted) or `<name>`.
    public typealias Name = (name: String, quoted: Bool)

    /// The header names of every include directive and `__has_include` in `source`. Nil when one names its
    /// header through a macro.
    public static func names(in source: String) -> [Name]? { names(in: Array(source.utf8)) }

    /// `names(in:)` of a file; none for a file that cannot be read (its unit is not stored anyway: its hash fails).
    public static func names(ofFile path: String) -> [Name]? {
        FileManager.default.contents(atPath: path).map { names(in: Array($0)) } ?? []
    }

    /// `names(in:)` over a file's bytes, line by line (a line ends at `\n` or `\r`); only lines starting with `#`
    /// or holding `__has_include` are looked at.
    public static func names(in bytes: [UInt8]) -> [Name]? {
        var out: [Name] = []
        let hasInclude = Array("__has_include".utf8)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let line = bytes[start..<end]
            start = end + 1
            var k = line.startIndex
            while k < line.endIndex, line[k] == 0x20 || line[k] == 0x09 { k += 1 }
            if k < line.endIndex, line[k] == 0x23 {
                k += 1
                while k < line.endIndex, line[k] == 0x20 || line[k] == 0x09 { k += 1 }
                for keyword in directives where line[k...].starts(with: keyword) {
                    let rest = line[(k + keyword.count)...]
                    // `#includes` is not a directive; `#include"x.h"` is.
                    guard let next = rest.first, next == 0x20 || next == 0x09 || next == 0x22 || next == 0x3C else { break }
                    if let name = literal(rest) {
                        out.append(name)
                    } else if startsIdentifier(rest) {
                        return nil   // `#include CONFIG_H`: a macro names it
                    }
                    // Anything else (`#include ...` in a comment, as stb_image.h has) includes nothing: clang rejects it.
                    break
                }
            }
            guard line.count >= hasInclude.count, line.contains(0x5F) else { continue }
            var i = line.startIndex
            while i + hasInclude.count <= line.endIndex {
                guard line[i] == 0x5F, line[i..<(i + hasInclude.count)].elementsEqual(hasInclude) else { i += 1; continue }
                var rest = line[(i + hasInclude.count)...]
                i += hasInclude.count
                if rest.starts(with: Array("_next".utf8)) { rest = rest.dropFirst(5) }
                rest = rest.drop { $0 == 0x20 || $0 == 0x09 }
                // `defined(__has_include)` and `#ifdef __has_include` test the feature, not a header.
                guard rest.first == 0x28 else { continue }
                if let name = literal(rest.dropFirst()) {
                    out.append(name)
                } else if startsIdentifier(rest.dropFirst()) {
                    return nil
                }
            }
        }
        return out
    }

    private static let directives = ["include_next", "include", "import"].map { Array($0.utf8) }

    /// The `"name"` or `<name>` at the start of `rest` (after blanks); nil if something else is there.
    static func literal(_ rest: ArraySlice<UInt8>) -> Name? {
        let s = rest.drop { $0 == 0x20 || $0 == 0x09 }
        guard let open = s.first, open == 0x22 || open == 0x3C else { return nil }
        let close: UInt8 = open == 0x22 ? 0x22 : 0x3E
        guard let end = s.dropFirst().firstIndex(of: close) else { return nil }
        return (String(decoding: s[(s.startIndex + 1)..<end], as: UTF8.self), open == 0x22)
    }

    /// Whether `rest` (after blanks) starts with an identifier: a macro that may expand to a header name.
    static func startsIdentifier(_ rest: ArraySlice<UInt8>) -> Bool {
        guard let c = rest.drop(while: { $0 == 0x20 || $0 == 0x09 }).first else { return false }
        return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x24 || c >= 0x80
    }
}
