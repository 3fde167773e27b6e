import Foundation
import SinkmapReport

/// `--split-by`: a graph format drawn once per group of paths, one file each, so a large result becomes pictures
/// that stay readable. Each file is exactly what `--focus RULE` (per sink rule) or `--focus-entry FUNCTION` (per
/// entry point) draws, and is named from its group (`fileName`).
public enum GraphSplit: String, CaseIterable, Sendable {
    /// One file per sink rule.
    case sink
    /// One file per entry point (its function).
    case entry

    /// One drawing of a split: the file name (no folder) and its bytes.
    public struct File: Equatable, Sendable {
        public var name: String
        public var data: Data
    }

    /// The groups of the paths the options draw (their `focus` and `focusEntry` kept), sorted, each with the name
    /// its file is derived from: the rule id, or the entry point's first route, else its function.
    func groups(_ report: Report, _ options: OutputFormat.Options) -> [(key: String, name: String)] {
        var names: [String: String] = [:]
        for p in DOTExporter(focus: options.focus, focusEntry: options.focusEntry).drawn(report) {
            switch self {
            case .sink: names[p.sink.rule] = p.sink.rule
            case .entry: names[p.entry.function] = p.entry.routes?.first ?? p.entry.function
            }
        }
        return names.keys.sorted().map { ($0, names[$0]!) }
    }

    /// The drawing of each group in `format` (dot, svg or png), in group order.
    public func export(_ report: Report, as format: OutputFormat, options: OutputFormat.Options = .init()) throws -> [File] {
        precondition(format.isGraph, "--split-by draws graph formats only")
        var taken = Set<String>()
        return try groups(report, options).map { group in
            var one = options
            switch self {
            case .sink: one.focus = group.key
            case .entry: one.focusEntry = group.key
            }
            return File(name: Self.fileName(group.name, fallback: rawValue, extension: format.rawValue, taken: &taken),
                        data: try format.export(report, options: one))
        }
    }

    /// The longest stem of a file name, in characters (all ASCII).
    static let maxStem = 64

    /// A file name for `group` that is safe in any folder: ASCII letters, digits, `_`, `-` and single dots only
    /// (anything else becomes `-`), no leading dot or dash, at most `maxStem` characters, `fallback` when nothing
    /// is left; a name already in `taken` (case-insensitively: macOS and Windows folders) gets `-2`, `-3`, ….
    static func fileName(_ group: String, fallback: String, extension ext: String, taken: inout Set<String>) -> String {
        var stem = ""
        for u in group.unicodeScalars {
            let c: Character
            switch u {
            case "a"..."z", "A"..."Z", "0"..."9", "_": c = Character(u)
            case ".": c = "."
            default: c = "-"
            }
            // One separator at a time, a dot winning over a dash: never `..`, never a run of dashes.
            if c == "." || c == "-", let last = stem.last, last == "." || last == "-" {
                if c == "." { stem.removeLast(); stem.append(".") }
                continue
            }
            stem.append(c)
        }
        func trimmed<S: StringProtocol>(_ s: S) -> String {
            var out = String(s.drop { $0 == "." || $0 == "-" })
            while let last = out.last, last == "." || last == "-" { out.removeLast() }
            return out
        }
        var name = trimmed(stem)
        if name.count > maxStem { name = trimmed(name.prefix(maxStem)) }
        if name.isEmpty { name = fallback }
        var candidate = "\(name).\(ext)", n = 1
        while taken.contains(candidate.lowercased()) {
            n += 1
            candidate = "\(name)-\(n).\(ext)"
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
