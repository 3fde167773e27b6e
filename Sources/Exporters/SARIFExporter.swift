import Foundation
import SinkmapReport

/// SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning and others). One rule per sink rule; one
/// result per listed path — an (entry point, sink call) route — located at the call into the sink, with the
/// path as a code flow from the entry point to the sink and the path id as its fingerprint, so a result keeps
/// its identity across runs while lines move. URIs are relative to `%SRCROOT%`, the scanned root; a file outside it (a
/// system header, or a file the tree made the compiler read) is relative to `OUTSIDE_SRCROOT` (`file:///`), so it is
/// marked as outside and never mistaken for a file of the checkout. `%SRCROOT%` has a `uri` when the report has a
/// `sourceBase` (`--source-base`).
public struct SARIFExporter {
    /// When set, only paths in the set are reported, marked `baselineState: "new"` (`sinkmap check`).
    public var newPathIDs: Set<String>?
    /// GitHub code scanning's limits: an upload with more results per run, or more locations in one thread flow,
    /// is rejected. Past them results are left out (the longest paths' middle frames first), and a notification
    /// says how many — the JSON report keeps everything.
    public var maxResults: Int
    public var maxThreadFlowLocations: Int

    public static let gitHubMaxResults = 25_000
    public static let gitHubMaxThreadFlowLocations = 10_000

    public init(newPathIDs: Set<String>? = nil, maxResults: Int = gitHubMaxResults,
                maxThreadFlowLocations: Int = gitHubMaxThreadFlowLocations) {
        self.newPathIDs = newPathIDs
        self.maxResults = maxResults
        self.maxThreadFlowLocations = maxThreadFlowLocations
    }

    /// Where sinkmap is documented: the driver's `informationUri`; each rule's `helpUri` is a section of its
    /// Docs/sinks.md there. Change it where the project is published.
    public static let informationURI = "https://github.com/sinkmap/sinkmap"
    static func helpURI(category: String) -> String {
        informationURI + "/blob/main/Docs/sinks.md#" + (SinkSeverity.known(category) ? category : "other-categories")
    }

    public func render(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: TerminalText.escapedJSON(try encoder.encode(log(report))), as: UTF8.self) + "\n"
    }

    func log(_ report: Report) -> SARIF.Log {
        let rules = self.rules(report)
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let all = newPathIDs.map { ids in report.paths.filter { ids.contains($0.id) } } ?? report.paths
        let paths = Array(all.prefix(max(0, maxResults)))
        var notes = notifications(report)
        if paths.count < all.count {
            notes.append(.init(level: "warning",
                               message: .init(text: "\(all.count - paths.count) of \(all.count) paths are not results of this log: "
                                              + "code scanning accepts at most \(maxResults) per run. Every path is in the JSON report "
                                              + "(--format json), the HTML viewer and the Markdown worksheet."),
                               locations: nil))
        }
        let cutFlows = paths.filter { steps($0, report: report).count > maxThreadFlowLocations }.count
        if cutFlows > 0 {
            notes.append(.init(level: "warning",
                               message: .init(text: "\(cutFlows) code \(cutFlows == 1 ? "flow is" : "flows are") shortened to "
                                              + "\(maxThreadFlowLocations) locations (code scanning's limit): the middle frames "
                                              + "are left out, the entry point and the sink kept; the JSON report has every frame."),
                               locations: nil))
        }
        let run = SARIF.Run(
            tool: .init(driver: .init(name: report.tool.name, version: report.tool.version,
                                      informationUri: Self.informationURI, rules: rules)),
            originalUriBaseIds: [
                // With --source-base, the root's absolute URI: a consumer can open every result's file.
                Self.rootBase: .init(uri: report.sourceBase, description: .init(text: "The scanned source tree (\(v(report.root)))")),
                Self.outsideBase: .init(uri: "file:///", description: .init(text: "Files outside the scanned tree")),
            ],
            invocations: [.init(executionSuccessful: true, toolExecutionNotifications: notes)],
            results: paths.map { result($0, ruleIndex: index[$0.sink.rule] ?? 0, report: report) },
            properties: .init(root: report.root, schema: report.schema))
        return SARIF.Log(runs: [run])
    }

    /// Every sink rule of the report, sorted by id; its text from the first sink that names it.
    private func rules(_ report: Report) -> [SARIF.Rule] {
        let questions = try? ReviewQuestions.load()
        var byID: [String: (category: String, reason: String, functions: [String])] = [:]
        for s in report.sinks {
            byID[s.rule, default: (s.category, s.reason, [])].functions.append(s.function)
        }
        for p in report.paths where byID[p.sink.rule] == nil {
            byID[p.sink.rule] = (p.sink.category, "", [p.sink.function])
        }
        return byID.keys.sorted().map { id in
            let r = byID[id]!
            let reason = v(r.reason.isEmpty ? "A \(r.category) sink." : r.reason)
            let functions = Array(Set(r.functions)).sorted().map(v).joined(separator: ", ")
            let summary = questions?.category(r.category, in: report).summary
            return SARIF.Rule(
                id: id, name: Self.pascalCase(id),
                shortDescription: .init(text: "Call path to a \(v(r.category)) sink (\(v(id)))"),
                fullDescription: .init(text: reason + (summary.map { (reason.hasSuffix(".") ? " " : ". ") + $0 } ?? "")),
                help: .init(text: "\(reason)\nSink functions: \(functions).\nEach result is one call path from an "
                            + "entry point to this sink. Review where its input comes from and where its output goes; "
                            + "a path that should not exist is a finding."),
                helpUri: Self.helpURI(category: r.category),
                defaultConfiguration: .init(level: "note"),
                properties: .init(category: r.category, tags: ["security", "ai-ml", r.category], precision: "medium",
                                  securitySeverity: SinkSeverity.score(r.category, in: report)))
        }
    }

    private func result(_ path: Path, ruleIndex: Int, report: Report) -> SARIF.Result {
        let names = path.frames.map { v($0.function) }
        let sinkCall = path.frames.dropLast().last?.call
        var text = "\(v(path.entry.function)) (\(v(ThreatText.entry(path.entry)))) reaches \(v(path.sink.function)) [\(v(path.sink.category))] "
            + "in \(path.frames.count - 1) \(path.frames.count == 2 ? "call" : "calls"): \(names.joined(separator: " → "))"
        if path.labels?.contains(ThreatText.untrustedInput) ?? false { text += ". It carries untrusted input" }
        if let f = path.flow { text += ", and its \(v(ThreatText.flowHead(f, sink: path.sink.function))) (flows-to-sink; see the code flows)" }
        for o in path.outputs ?? [] { text += ". The model's output reaches \(v(o.operation)): \(v(o.function)) (output-to-\(v(o.operation)))" }
        if let ops = path.downstream, !ops.isEmpty {
            text += ". The " + ThreatText.downstreamCaveat + ": " + ops.map { v(ThreatText.downstreamWithBasis($0)) }.joined(separator: "; ")
        }
        if path.truncated { text += ". More paths reach this sink than were listed (a limit cut them)" }

        var primary: [SARIF.Location] = []
        if let call = sinkCall {
            primary.append(.init(physicalLocation: physical(call.file, call.line, call.column),
                                 message: .init(text: "calls \(v(path.sink.function))")))
        } else if let file = path.frames.first?.file {
            primary.append(.init(physicalLocation: physical(file, path.frames.first?.line, nil), message: nil))
        }
        var related: [SARIF.Location] = []
        if let entry = path.frames.first, let file = entry.file {
            related.append(.init(id: 1, physicalLocation: physical(file, entry.line, nil),
                                 message: .init(text: "entry point \(v(entry.function)) (\(v(ThreatText.entry(path.entry))))")))
        }
        return SARIF.Result(
            ruleId: path.sink.rule, ruleIndex: ruleIndex, level: "note", message: .init(text: text),
            locations: primary, relatedLocations: related.isEmpty ? nil : related,
            codeFlows: [.init(message: .init(text: names.joined(separator: " → ")),
                              threadFlows: [.init(locations: capped(steps(path, report: report)))])] + dataFlows(path),
            partialFingerprints: ["sinkmapPath/v1": path.id],
            baselineState: newPathIDs == nil ? nil : "new",
            properties: .init(pathId: path.id, entryPoint: path.entry.function, entryKind: path.entry.kind,
                              sink: path.sink.function, category: path.sink.category, truncated: path.truncated,
                              entryRoutes: path.entry.routes, entryLabel: path.entry.label,
                              registeredBy: path.entry.registeredBy, labels: path.labels,
                              downstream: path.downstream.map { $0.map(ThreatText.downstream) }))
    }

    /// The path from the entry point's definition through each call site to the sink's declaration.
    private func steps(_ path: Path, report: Report) -> [SARIF.ThreadFlowLocation] {
        var steps: [SARIF.ThreadFlowLocation] = []
        if let entry = path.frames.first, let file = entry.file {
            steps.append(.init(location: .init(physicalLocation: physical(file, entry.line, nil),
                                               message: .init(text: "entry point \(v(entry.function)) (\(v(ThreatText.entry(path.entry))))")),
                               nestingLevel: 0, kinds: ["enter"]))
        }
        for (depth, (frame, next)) in zip(path.frames, path.frames.dropFirst()).enumerated() {
            guard let call = frame.call else { continue }
            var text = "\(v(frame.function)) calls \(v(next.function)) (\(v(call.kind)) call"
            if let macro = call.macro { text += " via macro \(v(macro))" }
            if let evidence = ThreatText.evidence(call) { text += ", \(v(evidence))" }
            text += ")"
            steps.append(.init(location: .init(physicalLocation: physical(call.file, call.line, call.column),
                                               message: .init(text: text)),
                               nestingLevel: depth, kinds: ["call"]))
        }
        if let sink = path.frames.last, let file = sink.file, path.frames.count > 1 {
            let reason = report.sinks.first { $0.rule == path.sink.rule && $0.function == sink.function }?.reason
            steps.append(.init(location: .init(physicalLocation: physical(file, sink.line, nil),
                                               message: .init(text: "sink \(v(sink.function)) [\(v(path.sink.category))]"
                                                              + (reason.map { ": \(v($0))" } ?? ""))),
                               nestingLevel: path.frames.count - 1, kinds: ["exit"]))
        }
        return steps
    }

    /// At most `maxThreadFlowLocations`: the first and last halves, the middle left out.
    private func capped(_ steps: [SARIF.ThreadFlowLocation]) -> [SARIF.ThreadFlowLocation] {
        guard steps.count > maxThreadFlowLocations, maxThreadFlowLocations >= 2 else { return steps }
        let head = maxThreadFlowLocations / 2
        return Array(steps.prefix(head) + steps.suffix(maxThreadFlowLocations - head))
    }

    /// The data-flow witnesses as code flows of their own: the request into the sink call's arguments, then the
    /// model's output into each operation. A step is at the value's place, nested by its frame on the path.
    private func dataFlows(_ path: Path) -> [SARIF.CodeFlow] {
        func flow(_ message: String, _ steps: [Path.FlowStep]) -> SARIF.CodeFlow? {
            let locations: [SARIF.ThreadFlowLocation] = steps.compactMap { step in
                let frame = step.frame.map { path.frames[min($0, path.frames.count - 1)] }
                guard let file = step.at?.file ?? frame?.file else { return nil }
                let text = "\(v(step.value)) in \(v(step.function))" + (step.frame == nil ? " (a helper given the output)" : "")
                return .init(location: .init(physicalLocation: physical(file, step.at?.line ?? frame?.line, step.at?.column),
                                             message: .init(text: text)),
                             nestingLevel: step.frame ?? path.frames.count - 1, kinds: ["taint"])
            }
            return locations.isEmpty ? nil : .init(message: .init(text: message), threadFlows: [.init(locations: locations)])
        }
        var out: [SARIF.CodeFlow] = []
        if let f = path.flow, let c = flow("flows-to-sink: " + v(ThreatText.flowHead(f, sink: path.sink.function)), f.steps) { out.append(c) }
        for o in path.outputs ?? [] {
            if let c = flow("output-to-\(v(o.operation)): " + v(ThreatText.outputHead(o)), o.steps) { out.append(c) }
        }
        return out
    }

    /// Diagnostics and truncated sinks, so what the scan could not see travels with the results.
    private func notifications(_ report: Report) -> [SARIF.Notification] {
        var out: [SARIF.Notification] = report.diagnostics.map { d in
            let level: String
            switch d.severity {
            case "error", "fatal": level = "error"
            case "warning": level = "warning"
            default: level = "note"
            }
            return .init(level: level, message: .init(text: v(d.message)),
                         locations: [.init(physicalLocation: physical(d.file, d.line, d.column))])
        }
        for c in report.pathCounts where !c.truncatedBy.isEmpty || c.listed < c.total {
            out.append(.init(level: "warning",
                             message: .init(text: "\(c.listed) of \(c.exact ? "" : "at least ")\(c.total) paths to "
                                            + "\(v(c.function)) (rule \(v(c.rule))) are reported; cut by "
                                            + (c.truncatedBy.isEmpty ? "a limit" : c.truncatedBy.joined(separator: ", "))
                                            + ". Raise --max-paths / --max-depth to see more."),
                             locations: nil))
        }
        return out
    }

    private func physical(_ file: String, _ line: Int?, _ column: Int?) -> SARIF.PhysicalLocation {
        let region = line.flatMap { $0 >= 1 ? SARIF.Region(startLine: $0, startColumn: column.flatMap { $0 >= 1 ? $0 : nil }) : nil }
        if file.hasPrefix("/") {
            return .init(artifactLocation: .init(uri: Self.percentEncoded(String(file.dropFirst())), uriBaseId: Self.outsideBase),
                         region: region)
        }
        return .init(artifactLocation: .init(uri: Self.percentEncoded(file), uriBaseId: Self.rootBase), region: region)
    }

    /// The base of every URI in the tree (GitHub code scanning's well-known name), and of those outside it.
    static let rootBase = "%SRCROOT%"
    static let outsideBase = "OUTSIDE_SRCROOT"

    /// A relative path as a URI reference: unreserved characters and `/` kept, every other byte `%XX`
    /// (so `:` can never read as a scheme and spaces, `#`, `?` stay part of the path).
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Text from the scanned tree as it may appear in a message: no control, line-separator or bidi character
    /// (identifiers, URIs and properties keep their exact values).
    private func v(_ s: String) -> String { TerminalText.sanitize(s) }

    /// `llama.cpp/model-load` → `LlamaCppModelLoad`: SARIF's friendly rule name.
    static func pascalCase(_ id: String) -> String {
        id.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
