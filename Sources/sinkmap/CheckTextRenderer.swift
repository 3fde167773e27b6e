import Exporters
import Gate
import SinkmapReport

/// The text form of `sinkmap check`: one line when the gate passes; otherwise every new path in full (entry point
/// → … → sink, each frame with file:line and the call leading to it, as `scan` prints them) and the command
/// that approves them. Stale entries, limits and parse errors are warnings.
struct CheckTextRenderer {
    var decision: GateDecision
    var report: Report
    /// `sinkmap baseline …` with the flags of this check, shown as the way to approve.
    var approveCommand: String
    var color: Bool

    func render() -> String {
        var out: [String] = []
        let d = decision
        let file = safe(d.baseline)
        let total = report.paths.count
        switch d.outcome {
        case .pass:
            out.append(bold("sinkmap check: passed") + " — \(count(total, "path")), all in the baseline \(file)")
        case .newPaths:
            out.append(red(bold("sinkmap check: \(count(d.newPaths.count, "new path")) not in the baseline \(file)"))
                       + " (\(d.approvedPaths) of \(count(total, "path")) approved)")
        case .staleEntries:
            out.append(red(bold("sinkmap check: \(count(d.staleEntries.count, "stale baseline entry", "stale baseline entries")) in \(file)"))
                       + " (--fail-on-stale; all \(count(total, "path")) approved)")
        }
        for path in d.newPaths {
            out.append("")
            out.append(red("new path") + " \(path.id)  " + bold(safe(path.sink.function))
                       + "  [\(safe(path.sink.category))]  rule \(safe(path.sink.rule))")
            out.append("  from \(safe(path.entry.function)) (\(safe(path.entry.kind)))")
            out.append(contentsOf: frames(path))
        }
        if !d.newPaths.isEmpty {
            out.append("")
            out.append("To approve after review, record the paths in the baseline and commit it:")
            out.append("  " + safe(approveCommand))
            out.append("  (existing notes are kept; add a \"note\" to each new entry saying why it is acceptable)")
        }
        if !d.staleEntries.isEmpty {
            out.append("")
            let what = count(d.staleEntries.count, "baseline entry matches", "baseline entries match")
            out.append((d.outcome == .staleEntries ? red("stale: ") : yellow("warning: ")) + "\(what) no path any more "
                       + "(code renamed or removed, or the path was cut):")
            for e in d.staleEntries { out.append("  \(e.id)  \(safe(e.summary))") }
            out.append("  Drop them with: \(safe(approveCommand))")
        }
        for c in d.truncated {
            out.append(yellow("warning: ") + "paths to \(safe(c.function)) were cut by \(c.truncatedBy.joined(separator: ", ")) "
                       + "(\(c.listed) of \(c.exact ? "" : "at least ")\(c.total) compared); raise --max-paths / --max-depth")
        }
        let broken = report.stats.translationUnitsWithErrors + report.stats.failedTranslationUnits
        if broken > 0 {
            out.append(yellow("warning: ") + "\(count(broken, "translation unit")) had parse errors; paths through code "
                       + "that did not parse may be missing (`sinkmap scan` lists the diagnostics)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func frames(_ path: Path) -> [String] {
        var lines: [String] = []
        for (i, f) in path.frames.enumerated() {
            let place = f.file.map { "\($0)\(f.line.map { ":\($0)" } ?? "")" } ?? "(not in the scanned code)"
            var line = (i == 0 ? "   " : "   → ") + safe(f.function) + "  " + dim(safe(place))
            if i > 0, let call = path.frames[i - 1].call {
                var how = ThreatText.call(call)
                if let m = call.macro { how += " via macro \(m)" }
                line += "  " + dim("(\(safe(how)))")
            }
            lines.append(line)
        }
        return lines
    }

    private func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }

    private func safe(_ s: String) -> String { TerminalText.sanitize(s) }
    private func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    private func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    private func red(_ s: String) -> String { color ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
    private func yellow(_ s: String) -> String { color ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
}
