import Foundation
import PathEngine
import SinkmapKit
import SinkmapReport

/// Locations in the repository, found from this file so tests run from any working directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtures = root + "/Fixtures"
    static let goldens = root + "/Tests/Goldens"

    static func fixture(_ name: String) -> String { fixtures + "/" + name }
}

enum Scanning {
    /// Scans a folder the way `sinkmap scan` does, with a fixed worker count.
    static func scan(_ root: String, jobs: Int = 2, limits: PathLimits = PathLimits(),
                     configure: (inout ScanOptions) -> Void = { _ in }) throws -> Report {
        var options = ScanOptions(root: root, jobs: jobs)
        options.limits = limits
        configure(&options)
        return try Scan(options: options).run()
    }

    /// One line per path: `rule: entry -(kind)-> f -(kind)-> sink`, the form fixtures' expected.txt use.
    static func lines(_ report: Report) -> [String] {
        report.paths.map(line).sorted()
    }

    static func line(_ path: Path) -> String {
        var s = "\(path.sink.rule): "
        for (i, frame) in path.frames.enumerated() {
            s += frame.function
            if i < path.frames.count - 1 { s += " -(\(frame.call?.kind ?? "?"))-> " }
        }
        return s
    }

    /// Each entry point on a path, once: `FUNCTION kind=KIND route="…" label="…" registered-by=F`.
    static func entryLines(_ report: Report) -> [String] {
        Set(report.paths.map { path in
            let e = path.entry
            var s = "\(e.function) kind=\(e.kind)"
            for route in e.routes ?? [] { s += " route=\"\(route)\"" }
            if let label = e.label { s += " label=\"\(label)\"" }
            if let by = e.registeredBy { s += " registered-by=\(by)" }
            return s
        }).sorted()
    }

    /// Each entry point's route evidence, once: `FUNCTION: ROUTE = AS WRITTEN`.
    static func routeEvidenceLines(_ report: Report) -> [String] {
        Set(report.paths.flatMap { path in (path.entry.routeEvidence ?? []).map { "\(path.entry.function): \($0)" } }).sorted()
    }

    /// Each labelled path: `LABEL: rule: entry -(kind)-> … sink`.
    static func labelLines(_ report: Report) -> [String] {
        report.paths.flatMap { path in (path.labels ?? []).map { "\($0): " + line(path) } }.sorted()
    }

    /// Each frame's reads of untrusted input, once: `FRAME reads SOURCE [KIND] via A -> B`.
    static func sourceLines(_ report: Report) -> [String] {
        Set(report.paths.flatMap { path in
            path.frames.flatMap { frame in
                (frame.sources ?? []).map { s in
                    "\(frame.function) reads \(s.source) [\(s.kind)]" + (s.via.isEmpty ? "" : " via " + s.via.joined(separator: " -> "))
                }
            }
        }).sorted()
    }

    static func requestLines(_ report: Report) -> [String] {
        (report.surface?.entries ?? []).flatMap { e in
            (e.requestDriven ?? []).map { "\(e.function): \($0.operation) \($0.function) via \($0.via.joined(separator: " -> "))" }
        }.sorted()
    }

    /// Each downstream operation, once: `FROM: OPERATION FUNCTION via A -> B [BASIS]`.
    static func downstreamLines(_ report: Report) -> [String] {
        Set(report.paths.flatMap { path in
            (path.downstream ?? []).map {
                "\($0.from): \($0.operation) \($0.function) via \($0.via.joined(separator: " -> "))"
                    + ($0.basis == "data-flow" ? " [data-flow]" : "")
            }
        }).sorted()
    }

    /// A witness's steps: `#FRAME VALUE@LINE` on the path, `FUNCTION: VALUE@LINE` in a helper off it, joined by ` → `.
    static func steps(_ steps: [Path.FlowStep]) -> String {
        steps.map { s in
            (s.frame.map { "#\($0) " } ?? "\(s.function): ") + s.value + (s.at.map { "@\($0.line)" } ?? "")
        }.joined(separator: " → ")
    }

    /// Each path whose untrusted input reaches the sink call: `PATH <= SOURCE [KIND] arguments N: STEPS`.
    static func flowLines(_ report: Report) -> [String] {
        report.paths.compactMap { path in
            path.flow.map { f in
                line(path) + " <= \(f.source) [\(f.kind)] arguments \(f.arguments.map(String.init).joined(separator: ",")): "
                    + steps(f.steps)
            }
        }.sorted()
    }

    /// Each model output reaching an operation: `PATH => OPERATION FUNCTION: STEPS`.
    static func outputLines(_ report: Report) -> [String] {
        report.paths.flatMap { path in
            (path.outputs ?? []).map { o in line(path) + " => \(o.operation) \(o.function): " + steps(o.steps) }
        }.sorted()
    }
}
