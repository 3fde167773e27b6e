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
            var what: [String] = []
            if !d.newPaths.isEmpty { what.append(count(d.newPaths.count, "new path")) }
            if !d.newCalls.isEmpty { what.append(count(d.newCalls.count, "new call") + " on the sink-reaching slice") }
            out.append(red(bold("sinkmap check: \(what.joined(separator: " and ")) not in the baseline \(file)"))
                       + " (\(d.approvedPaths) of \(count(total, "path")) approved)")
        case .incomplete:
            out.append(red(bold("sinkmap check: incomplete — part of the tree was not analysed"))
                       + " (no new path among the \(count(total, "path")) found; the baseline \(file) does not accept the rest)")
        case .staleEntries:
            out.append(red(bold("sinkmap check: \(count(d.staleEntries.count, "stale baseline entry", "stale baseline entries")) in \(file)"))
                       + " (--fail-on-stale or --strict; all \(count(total, "path")) approved)")
        }
        for path in d.newPaths {
            out.append("")
            out.append(red("new path") + " \(path.id)  " + bold(safe(path.sink.function))
                       + "  [\(safe(path.sink.category))]  rule \(safe(path.sink.rule))")
            out.append("  from \(safe(path.entry.function)) (\(safe(path.entry.kind)))")
            out.append(contentsOf: frames(path))
        }
        if !d.newCalls.isEmpty {
            out.append("")
            out.append(red("new calls") + " on the sink-reaching slice (each connects an entry point to a sink, whatever "
                       + "the path limits cut):")
            for c in d.newCalls {
                out.append("  \(c.id)  \(safe(c.caller)) → \(safe(c.callee))\(c.at.map { "  " + dim("(at \(safe($0)))") } ?? "")"
                           + "  from \(safe(c.entry)) to \(safe(c.sink))")
            }
        }
        let inc = d.incomplete
        if !inc.isEmpty {
            out.append("")
            out.append(red("not analysed") + " (the gate cannot say what this code reaches):")
            for u in inc.failedUnits { out.append("  \(safe(u.file)): \(safe(u.reason))") }
            for f in inc.unitsWithErrors { out.append("  \(safe(f)): parsed with errors (--strict)") }
            for r in inc.unmatchedRules {
                out.append("  sink rule \(safe(r)) in sinkmap.yml matched no function (--strict; the warning says the closest names)")
            }
            for f in inc.skippedSources {
                out.append("  \(safe(f)): in a skipped folder (list it under `exclude:` in sinkmap.yml if it is not part of the program)")
            }
        }
        if !d.newPaths.isEmpty || !d.newCalls.isEmpty || !inc.failedUnits.isEmpty || !inc.skippedSources.isEmpty {
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
                       + "(\(c.listed) of \(c.exact ? "" : "at least ")\(c.total) listed); the paths past the limit were "
                       + "not listed, but every call on them was compared as a slice call; raise --max-paths / --max-depth to list them")
        }
        if let folders = report.stats.skippedSourceFiles, inc.skippedSources.isEmpty {
            out.append(yellow("warning: ") + SkippedFolders.summary(folders) + "; the baseline lists them")
        }
        let broken = report.stats.translationUnitsWithErrors + report.stats.failedTranslationUnits
        if broken > 0 && inc.isEmpty {
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
