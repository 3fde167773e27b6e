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

    /// Whether `rest` (after blanks) starts with an identifier: a macro that may expand to a header name.
    static func startsIdentifier(_ rest: Substring) -> Bool {
        guard let c = rest.drop(while: { $0 == " " || $0 == "\t" }).unicodeScalars.first else { return false }
        return c == "_" || c == "$" || CharacterSet.letters.contains(c) || c.value >= 0x80
    }

    /// A header name as written: `"name"` (quoted) or `<name>`.
    public typealias Name = (name: String, quoted: Bool)

    /// The header names of every include directive and `__has_include` in `source`. Nil when one names its
    /// header through a macro.
    public static func names(in source: String) -> [Name]? {
        var out: [Name] = []
        /// The `"name"` or `<name>` at the start of `rest` (after blanks); nil if something else is there.
        func literal(_ rest: Substring) -> Name? {
            let s = rest.drop { $0 == " " || $0 == "\t" }
            guard let open = s.first, open == "\"" || open == "<" else { return nil }
            let close: Character = open == "\"" ? "\"" : ">"
            guard let end = s.dropFirst().firstIndex(of: close) else { return nil }
            return (String(s[s.index(after: s.startIndex)..<end]), open == "\"")
        }
        for line in source.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var s = line.drop { $0 == " " || $0 == "\t" }
            if s.first == "#" {
                s = s.dropFirst().drop { $0 == " " || $0 == "\t" }
                for keyword in ["include_next", "include", "import"] where s.hasPrefix(keyword) {
                    let rest = s.dropFirst(keyword.count)
                    // `#includes` is not a directive; `#include"x.h"` is.
                    guard let next = rest.first, next == " " || next == "\t" || next == "\"" || next == "<" else { break }
                    if let name = literal(rest) {
                        out.append(name)
                    } else if Self.startsIdentifier(rest) {
                        return nil   // `#include CONFIG_H`: a macro names it
                    }
                    // Anything else (`#include ...` in a comment, as stb_image.h has) includes nothing: clang rejects it.
                    break
                }
            }
            var search = line[...]
            while let r = search.range(of: "__has_include") {
                var rest = search[r.upperBound...]
                if rest.hasPrefix("_next") { rest = rest.dropFirst(5) }
                rest = rest.drop { $0 == " " || $0 == "\t" }
                search = rest
                // `defined(__has_include)` and `#ifdef __has_include` test the feature, not a header.
                guard rest.first == "(" else { continue }
                if let name = literal(rest.dropFirst()) {
                    out.append(name)
                } else if Self.startsIdentifier(rest.dropFirst()) {
                    return nil
                }
            }
        }
        return out
    }
}
