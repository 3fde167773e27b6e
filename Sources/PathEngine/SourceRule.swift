/// Where untrusted input comes from. A frame that calls a matching function reads untrusted input.
public enum SourceKind: String, Codable, Sendable, CaseIterable {
    case commandLine = "command-line"
    case environment
    case stdin
    case file
    case network
    case httpRequest = "http-request"
    case rpcRequest = "rpc-request"
    case interactive
    /// A device such as a microphone or camera.
    case device
    case other
}

/// A function whose call reads untrusted input (`getenv`, `fgets`, `recv`, `console::readline`).
public struct SourceRule: Hashable, Sendable {
    public var id: String
    public var kind: SourceKind
    public var names: [String]
    public var patterns: [String]
    /// `built-in` or the configuration file's path.
    public var origin: String

    public init(id: String, kind: SourceKind, names: [String] = [], patterns: [String] = [], origin: String = "built-in") {
        self.id = id
        self.kind = kind
        self.names = names
        self.patterns = patterns
        self.origin = origin
    }
}
