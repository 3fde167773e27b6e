/// Why a report could not be rendered in the asked format.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// `svg`/`png` need Graphviz's `dot`, and it is not on PATH.
    case graphvizMissing(format: String)
    /// `dot` ran and failed.
    case graphvizFailed(status: Int32, message: String)
    /// A binary format (`png`) was asked for as text.
    case binaryFormat(String)
    /// A resource shipped with sinkmap (viewer script, review questions) is missing or malformed.
    case resource(name: String, problem: String)
    /// `--source-base` is neither a folder nor an absolute URI a file name can be appended to.
    case sourceBase(String, problem: String)

    public var description: String {
        switch self {
        case .graphvizMissing(let format):
            return "--format \(format) needs Graphviz's `dot`, which is not on PATH; install it "
                + "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) or use --format dot"
        case .graphvizFailed(let status, let message):
            return "Graphviz `dot` failed (exit \(status)): \(message)"
        case .binaryFormat(let format):
            return "\(format) is a binary format; write it to a file with --output"
        case .resource(let name, let problem):
            return "sinkmap's resource \(name) \(problem); this build of sinkmap is incomplete"
        case .sourceBase(let value, let problem):
            return "--source-base \(TerminalText.sanitize(value)): \(problem); give a folder (/home/ci/src/app) or an absolute URI (file:///src/app/)"
        }
    }
}
