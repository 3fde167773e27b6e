import ArgumentParser
import Exporters
import Foundation
import Gate
import SinkmapReport

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record every current path as approved, in the baseline file `sinkmap check` compares against.",
        discussion: """
        Scans PATH (with the same flags as `scan`) and writes one entry per path: its fingerprint, entry point, \
        sink rule and functions, and a "note" for the reviewer. Run again, it keeps the notes of paths that \
        still exist, adds new paths and drops vanished ones, and lists both. The file is written atomically; \
        an existing file that cannot be read is left alone (exit code 3).

        Examples:
          sinkmap baseline                                  writes ./sinkmap-baseline.json
          sinkmap baseline src -p build --output ci/sinkmap-baseline.json
          sinkmap baseline . --note "THREAT-12: reviewed with the model owners"
        """)

    @OptionGroup var scan: ScanInputOptions

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The baseline file to write (relative to the current folder).", valueName: "file"))
    var output: String = "sinkmap-baseline.json"

    @Option(help: ArgumentHelp("Why the paths this run approves are acceptable (a threat-model reference, a ticket): stored as the \"note\" of every entry it adds; notes already written are kept.",
                               valueName: "text"))
    var note: String?

    func validate() throws {
        if let note, note.contains(where: { $0.isNewline }) { throw ValidationError("--note is one line") }
    }

    func run() throws {
        // The old file is read before the scan: a broken or newer baseline stops the run early and is never
        // overwritten (its notes would be lost).
        // Resolved before scanning, which changes the current directory (see `WorkingDirectory`).
        let file = WorkingDirectory.absolute(output)
        try scan.refuseLinkOut(file, what: "read or write the baseline", code: ExitCodes.configuration)
        let previous: Baseline?
        do {
            previous = try BaselineStore.load(file, named: output)
        } catch let e as BaselineError where e.kind == .missing {
            previous = nil
        } catch let e as BaselineError where e.isOutdated {
            // Its fingerprints are not this sinkmap's: replaced, and its notes cannot be matched to paths.
            warn("\(output) is in an older baseline format; it is replaced (copy any notes from its history by hand)")
            previous = nil
        } catch let e as BaselineError {
            throw Failure(message: e.description + " (left unchanged)", code: ExitCodes.configuration)
        }
        let (report, evidence) = try scan.scanForGate()
        // A baseline of a tree that did not parse would approve nothing and pass every check: not written.
        do {
            try scan.refuseFailedUnits(report.stats)
        } catch var failure as Failure {
            failure.message += "; the baseline was not written"
            throw failure
        }
        let baseline = Baseline(report: report, evidence: evidence, keepingNotesFrom: previous, note: note)
        do {
            try BaselineStore.save(baseline, to: file, named: output)
        } catch let e as BaselineError {
            throw Failure(message: e.description, code: ExitCodes.output)
        }
        RuleWarnings.print(report)
        let changes = BaselineChanges(from: previous, to: baseline)
        FileHandle.standardOutput.write(Data(summary(baseline, changes, isNew: previous == nil).utf8))
        for count in report.pathCounts where !count.truncatedBy.isEmpty {
            warn("\(count.function): paths cut by \(count.truncatedBy.joined(separator: ", ")); only the "
                 + "\(count.listed) listed are recorded as paths (every call on the others is recorded in the slice; "
                 + "raise --max-paths / --max-depth to list them)")
        }
        for unit in evidence.failedUnits {
            warn("\(unit.file) was not analysed (\(unit.reason)); recorded as known: `check` accepts it failing the "
                 + "same way, and nothing through it is compared")
        }
        if !evidence.skippedSources.isEmpty {
            warn("\(evidence.skippedSources.count) C/C++ sources under skipped folders were not scanned; recorded as "
                 + "known (`check` fails on new ones; `exclude:` in sinkmap.yml names those that are not the program's)")
        }
    }

    private func summary(_ baseline: Baseline, _ changes: BaselineChanges, isNew: Bool) -> String {
        let file = TerminalText.sanitize(output)
        let n = baseline.entries.count
        let paths = "\(n) \(n == 1 ? "path" : "paths") approved"
        if isNew {
            return "\(file): new baseline, \(paths). Review it, add a \"note\" to entries as needed, and commit it.\n"
        }
        if changes.isEmpty { return "\(file): \(paths), no change.\n" }
        var lines = ["\(file): \(paths) (\(changes.added.count) added, \(changes.dropped.count) dropped, "
                     + "\(changes.kept) unchanged)"]
        for e in changes.added { lines.append("  added    \(e.id)  \(TerminalText.sanitize(e.summary))") }
        for e in changes.dropped {
            var line = "  dropped  \(e.id)  \(TerminalText.sanitize(e.summary))"
            if !e.note.isEmpty { line += "  (note was: \(TerminalText.sanitize(e.note)))" }
            lines.append(line)
        }
        // What else the gate compares: a reviewer approves these too.
        for c in changes.addedCalls { lines.append("  added    \(c.id)  call \(TerminalText.sanitize(c.caller)) → \(TerminalText.sanitize(c.callee))") }
        for c in changes.droppedCalls { lines.append("  dropped  \(c.id)  call \(TerminalText.sanitize(c.caller)) → \(TerminalText.sanitize(c.callee))") }
        for u in changes.addedFailures { lines.append("  added    failed unit \(TerminalText.sanitize(u.file)) (\(u.reason))") }
        for f in changes.addedSkipped { lines.append("  added    skipped source \(TerminalText.sanitize(f))") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data("sinkmap: warning: \(TerminalText.sanitize(message))\n".utf8))
    }
}
