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
        report.paths.map { path in
            var s = "\(path.sink.rule): "
            for (i, frame) in path.frames.enumerated() {
                s += frame.function
                if i < path.frames.count - 1 { s += " -(\(frame.call?.kind ?? "?"))-> " }
            }
            return s
        }.sorted()
    }
}
