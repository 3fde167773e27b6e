import SinkmapReport

/// Every format a report renders to. A new case does not compile until `render` handles it.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json

    public struct Options: Sendable {
        /// ANSI colour in text output (a terminal without `NO_COLOR`).
        public var color: Bool
        public init(color: Bool = false) { self.color = color }
    }

    public func render(_ report: Report, options: Options = .init()) throws -> String {
        switch self {
        case .text: return TextExporter(color: options.color).render(report)
        case .json: return try JSONExporter().render(report)
        }
    }
}
