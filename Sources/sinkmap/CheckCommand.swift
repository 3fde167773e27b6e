import ArgumentParser
import Exporters
import Foundation
import Gate
import SinkmapKit
import SinkmapReport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fail when the code has a path to a sink that is not in the baseline (the pre-merge CI gate).",
        discussion: """
        Scans PATH (with the same flags as `scan`) and compares each path's fingerprint with the baseline \
        written by `sinkmap baseline`. Fingerprints depend on the entry point, the functions on the path and \
        the sink rule, not on lines or the checkout folder.

        It also compares every call on the sink-reaching slice of the call graph (so a limit that cuts paths \
        never hides a change), the units that were not analysed, and the sources in skipped folders.

        Exit codes, whatever --format is: 0 every path and slice call is in the baseline and the whole tree was \
        analysed (stale entries are warnings); 1 a path or a call on the slice is not in the baseline, or \
        --fail-on-stale and a baseline entry matches no path; 2 usage error; 3 baseline or sinkmap.yml missing, \
        unreadable, malformed, from a newer sinkmap or in an older format (approve again); 4 bad input; \
        6 output not written; 7 incomplete: a unit crashed, timed out or did not parse (and did not in the \
        baseline), a skipped folder holds a source the baseline does not list, or --strict and a unit had errors \
        or a sinkmap.yml sink rule matched no function. --strict also fails (1) on stale entries.

        The text result goes to stdout, or to stderr when --format is not text or --output is given, so CI \
        logs always say why the gate failed.

        Examples:
          sinkmap check                          compare with ./sinkmap-baseline.json
          sinkmap check . -p build --baseline ci/sinkmap-baseline.json --fail-on-stale
          sinkmap check --format json --output check.json
          sinkmap check --format sarif --output sinkmap.sarif
        """)

    @OptionGroup var scan: ScanInputOptions

    @Option(help: ArgumentHelp("The baseline file to compare with (relative to the current folder).", valueName: "file"))
    var baseline: String = "sinkmap-baseline.json"

    @Flag(help: "Also fail (exit 1) when a baseline entry matches no path any more.")
    var failOnStale = false

    @Flag(help: "Also fail when a translation unit parsed with errors or a sinkmap.yml sink rule matched no function (exit 7), or a baseline entry matches no path (exit 1, as --fail-on-stale).")
    var strict = false

    @Option(help: ArgumentHelp("Output format: \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "format"))
    var format: CheckFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the result to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("sarif: where the scanned root is, as a folder or an absolute URI (SARIF's %SRCROOT% uri), as for scan.",
                               valueName: "dir|uri"))
    var sourceBase: String?

    mutating func validate() throws {
        if let base = sourceBase {
            do { sourceBase = try SourceBase.uri(base) } catch let e as ExportError { throw ValidationError(e.description) }
        }
    }

    func run() throws {
        // Resolved before scanning, which changes the current directory (see `WorkingDirectory`).
        let outputFile = output.map(WorkingDirectory.absolute)
        // The baseline is read first: a missing or broken one must fail fast, and never look like a pass or like
        // new paths.
        try scan.refuseLinkOut(baseline, what: "read the baseline", code: ExitCodes.configuration)
        try scan.refuseLinkOut(outputFile, what: "write the result", code: ExitCodes.output)
        let approved: Baseline
        do {
            approved = try BaselineStore.load(WorkingDirectory.absolute(baseline), named: baseline)
        } catch let e as BaselineError {
            throw Failure(message: e.description, code: ExitCodes.configuration)
        }
        var (report, evidence) = try scan.scanForGate()
        report.sourceBase = sourceBase
        let decision = GateDecision(report: report, evidence: evidence, baseline: approved, baselineFile: baseline,
                                    failOnStale: failOnStale, strict: strict)
        let approve = Shell.command(["sinkmap", "baseline"] + scan.commandLine + ["--output", baseline])
        func text(color: Bool) -> String {
            CheckTextRenderer(decision: decision, report: report, approveCommand: approve, color: color).render()
        }

        if format == .text && output == nil {
            FileHandle.standardOutput.write(Data(text(color: Self.colorAllowed(fileno(stdout))).utf8))
        } else {
            let rendered: String
            do {
                rendered = try format.render(decision, report: report, text: text(color: false))
            } catch {
                throw Failure(message: "cannot render the \(format.rawValue) result: \(error)", code: ExitCodes.internalError)
            }
            try write(rendered, to: outputFile)
            FileHandle.standardError.write(Data(text(color: Self.colorAllowed(fileno(stderr))).utf8))
        }
        RuleWarnings.print(report)
        // Decided from the data alone, after the output is written, so every format exits the same way.
        // New paths first; then a tree that was not parsed at all (exit 8), whatever the baseline knew of it.
        switch decision.outcome {
        case .newPaths, .staleEntries: Foundation.exit(ExitCodes.newPaths)
        case .pass, .incomplete: try scan.refuseFailedUnits(report.stats)
        }
        if decision.outcome == .incomplete { Foundation.exit(ExitCodes.incomplete) }
    }

    private func write(_ text: String, to file: String?) throws {
        // `file` is `output` as typed, made absolute before scanning; messages name what was typed.
        try OutputFile.write(Data(text.utf8), to: output == nil ? nil : file, what: "result", shownAs: output)
    }

    /// Colour only for a person at a terminal: not in CI, not with NO_COLOR.
    static func colorAllowed(_ fd: Int32) -> Bool {
        Terminal.isInteractive(fd) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// What `check` can print. `text` and `json` describe the decision; `sarif` renders the scan with only the new
/// paths as results (`baselineState: "new"`; baselined paths are left out), for code scanning.
enum CheckFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, sarif

    func render(_ decision: GateDecision, report: Report, text: String) throws -> String {
        switch self {
        case .text:
            return text
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: TerminalText.escapedJSON(try encoder.encode(decision)), as: UTF8.self) + "\n"
        case .sarif:
            return try OutputFormat.sarif.render(report, options: .init(newPathIDs: Set(decision.newPaths.map(\.id))))
        }
    }
}
