import Foundation
import SinkmapReport

/// Every format a report renders to. A new case does not compile until `export` handles it.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, dot, svg, png, sarif, html, markdown

    public struct Options: Sendable {
        /// ANSI colour in text output (a terminal without `NO_COLOR`).
        public var color: Bool
        /// Graph formats (dot, svg, png): group functions into boxes by file or namespace.
        public var cluster: GraphCluster
        /// Graph formats: draw only the paths to this sink rule id.
        public var focus: String?
        /// Graph formats: draw only the paths from this entry point (its function or one of its routes).
        public var focusEntry: String?
        /// Graph formats: past this many functions on the drawn paths, draw the summary (entry points → sinks).
        public var summaryThreshold: Int = DOTExporter.defaultSummaryThreshold
        /// SARIF: when set, results only for the paths whose id is in the set, each marked
        /// `baselineState: "new"` — what `sinkmap check --format sarif` reports against a baseline.
        public var newPathIDs: Set<String>?
        /// Text: every listed path by sink instead of the attack surface with one witness per entry and sink.
        public var allPaths: Bool
        /// Text: the witnesses of uncalled roots too.
        public var showRoots: Bool

        public init(color: Bool = false, cluster: GraphCluster = .none, focus: String? = nil,
                    newPathIDs: Set<String>? = nil, allPaths: Bool = false, showRoots: Bool = false) {
            self.allPaths = allPaths
            self.showRoots = showRoots
            self.color = color
            self.cluster = cluster
            self.focus = focus
            self.newPathIDs = newPathIDs
        }
    }

    /// Formats whose bytes are not UTF-8 text (never written to a terminal).
    public var isBinary: Bool { self == .png }

    /// Formats drawn as a call graph, the only ones `cluster` and `focus` apply to.
    public var isGraph: Bool { self == .dot || self == .svg || self == .png }

    /// The report in this format. `svg` and `png` run Graphviz's `dot` (see `Graphviz`).
    public func export(_ report: Report, options: Options = .init()) throws -> Data {
        switch self {
        case .text:
            return Data(TextExporter(color: options.color, allPaths: options.allPaths, showRoots: options.showRoots).render(report).utf8)
        case .json: return Data(try JSONExporter().render(report).utf8)
        case .dot: return Data(dot(report, options).utf8)
        case .svg: return try Graphviz.render(dot(report, options), to: "svg")
        case .png: return try Graphviz.render(dot(report, options), to: "png")
        case .sarif: return Data(try SARIFExporter(newPathIDs: options.newPathIDs).render(report).utf8)
        case .html: return Data(try HTMLExporter().render(report).utf8)
        case .markdown: return Data(try MarkdownExporter().render(report).utf8)
        }
    }

    /// The report as text; throws `ExportError.binaryFormat` for `png`.
    public func render(_ report: Report, options: Options = .init()) throws -> String {
        if isBinary { throw ExportError.binaryFormat(rawValue) }
        return String(decoding: try export(report, options: options), as: UTF8.self)
    }

    private func dot(_ report: Report, _ options: Options) -> String {
        DOTExporter(cluster: options.cluster, focus: options.focus, focusEntry: options.focusEntry,
                    summaryThreshold: options.summaryThreshold).render(report)
    }
}

/// How graph formats group functions.
public enum GraphCluster: String, CaseIterable, Sendable {
    /// No grouping.
    case none
    /// One box per source file (the file a function is defined in).
    case file
    /// One box per enclosing namespace or class (`ns::Model` for `ns::Model::load`).
    case namespace
    /// One box per folder (the folder of the file a function is defined in; `.` for the scanned root).
    case folder
}
