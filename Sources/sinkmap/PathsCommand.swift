import ArgumentParser
import Exporters
import Foundation
import SinkmapKit
import SinkmapReport

/// `sinkmap paths --to SINK [--from ENTRY]`: one question — which listed paths reach this sink (from this entry
/// point) — answered from a saved report (`--report`) or a scan of a tree, without a configuration file.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "List the paths that reach one sink (from one entry point), from a saved report or a scan.",
        discussion: """
        SINK and ENTRY match a function's qualified name, a sink rule id, an entry point's route (POST /completion) \
        or, written /like this/, a regular expression over the name. With --report the saved JSON report is \
        queried (no scan); otherwise PATH is scanned with the same flags as `scan` (add --sink to ask about a \
        function no rule names). Text lists every matching path in full; --format json writes a report holding \
        only them, which `sinkmap export` renders in any format. Exit 0 with or without paths.

        Examples:
          sinkmap paths . --to llama_decode
          sinkmap paths --report report.json --to llama_decode --from main
          sinkmap paths . --sink OrtApi::Run --to OrtApi::Run
          sinkmap paths --report report.json --to /^llama_/ --format json -o subset.json
        """)

    @OptionGroup var scan: ScanInputOptions

    @Option(help: ArgumentHelp("A saved JSON report to query instead of scanning (- for standard input).", valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp("The sink: a function, a rule id, or /regex/.", valueName: "sink"))
    var to: String

    @Option(help: ArgumentHelp("Only paths from this entry point: a function, a route, or /regex/.", valueName: "entry"))
    var from: String?

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: PathsFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    enum PathsFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if report != nil && scan.path != "." { throw ValidationError("give a saved --report or a PATH to scan, not both") }
        for (flag, value) in [("--to", to), ("--from", from ?? "x")] where (try? PathQuery(value)) == nil {
            throw ValidationError("\(flag) \(value): not a valid /regular expression/")
        }
    }

    func run() throws {
        let outputFile = output.map(WorkingDirectory.absolute)
        let full = try report.map(ExportCommand.read) ?? scan.scan()
        let sink = try PathQuery(to), entry = try from.map(PathQuery.init)
        let answer = PathsAnswer(report: full, sink: sink, entry: entry)
        let text: String
        switch format {
        case .json:
            text = try OutputFormat.json.render(answer.subset)
        case .text:
            if answer.subset.paths.isEmpty {
                text = answer.nothingFound
            } else {
                text = try OutputFormat.text.render(answer.subset, options: .init(allPaths: true))
            }
        }
        try OutputFile.write(Data(text.utf8), to: outputFile, what: "paths", shownAs: output)
        if answer.subset.paths.isEmpty && format == .json {
            FileHandle.standardError.write(Data(("sinkmap: " + answer.nothingFound).utf8))
        }
    }
}

/// A `--to`/`--from` value: exact text, or `/regex/`.
struct PathQuery {
    let text: String
    let regex: NSRegularExpression?

    init(_ text: String) throws {
        self.text = text
        if text.count > 2 && text.hasPrefix("/") && text.hasSuffix("/") {
            regex = try NSRegularExpression(pattern: String(text.dropFirst().dropLast()))
        } else {
            regex = nil
        }
    }

    func matches(_ candidates: [String]) -> Bool {
        candidates.contains { c in
            if let regex { return regex.firstMatch(in: c, range: NSRange(c.startIndex..., in: c)) != nil }
            return c == text
        }
    }
}

/// The part of a report a query asks for: its paths, the sinks they reach and their counts (a limit that cut the
/// paths to a sink is kept, so the answer says so).
struct PathsAnswer {
    let subset: Report
    let nothingFound: String

    init(report: Report, sink: PathQuery, entry: PathQuery?) {
        let paths = report.paths.filter { p in
            sink.matches([p.sink.function, p.sink.rule])
                && (entry.map { $0.matches([p.entry.function] + (p.entry.routes ?? [])) } ?? true)
        }
        var subset = report
        subset.paths = paths
        subset.surface = nil
        subset.diagnostics = []
        let keys = Set(paths.map { $0.sink.rule + "\u{0}" + $0.sink.function })
        subset.sinks = report.sinks.filter { keys.contains($0.rule + "\u{0}" + $0.function) }
        subset.pathCounts = report.pathCounts.filter { keys.contains($0.rule + "\u{0}" + $0.function) }.map { c in
            var c = c
            let n = paths.filter { $0.sink.rule == c.rule && $0.sink.function == c.function }.count
            if entry != nil { c.total = n }
            c.listed = n
            return c
        }
        self.subset = subset

        // Nothing: say whether the sink is known at all, with the closest names when it is not.
        let known = report.sinks.filter { sink.matches([$0.function, $0.rule]) }
        var message: String
        if known.isEmpty {
            let names = Array(Set(report.sinks.map(\.function) + report.sinks.map(\.rule))).sorted()
            let close = sink.regex == nil ? UnmatchedRules.closest(to: sink.text, in: names) : []
            message = "no sink called \(TerminalText.sanitize(sink.text)) in the report"
            if !close.isEmpty { message += "; did you mean " + close.map { "'\(TerminalText.sanitize($0))'" }.joined(separator: " or ") + "?" }
            else { message += " (sinks called: \(names.count); add --sink NAME to make a function one)" }
        } else if let entry {
            message = "no listed path from \(TerminalText.sanitize(entry.text)) to \(TerminalText.sanitize(sink.text))"
            let entries = Array(Set(report.paths.filter { sink.matches([$0.sink.function, $0.sink.rule]) }.map(\.entry.function))).sorted()
            if !entries.isEmpty { message += "; it is reached from: " + entries.map(TerminalText.sanitize).joined(separator: ", ") }
        } else {
            message = "\(TerminalText.sanitize(sink.text)) is called but reached by no listed path"
            if let cut = report.pathCounts.first(where: { sink.matches([$0.function, $0.rule]) && !$0.truncatedBy.isEmpty }) {
                message += " (cut by \(cut.truncatedBy.joined(separator: ", ")); raise --max-paths / --max-depth)"
            }
        }
        nothingFound = message + "\n"
    }
}
