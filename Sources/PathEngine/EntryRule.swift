/// A project's own entry points (`entries:` in `sinkmap.yml`): functions matched by name become entry points
/// of the given kind, whether or not something calls them.
public struct EntryRule: Hashable, Sendable {
    /// Exact qualified names.
    public var names: [String]
    /// Regular expressions over qualified names.
    public var patterns: [String]
    public var kind: EntryKind
    /// Shown with the entry point (a route, a queue name, "admin CLI").
    public var label: String?
    /// Whether paths from it carry untrusted input; by default true for `http-handler` and `grpc-method`.
    public var untrusted: Bool
    /// The configuration file it came from.
    public var origin: String

    public init(names: [String] = [], patterns: [String] = [], kind: EntryKind, label: String? = nil,
                untrusted: Bool? = nil, origin: String = "built-in") {
        self.names = names
        self.patterns = patterns
        self.kind = kind
        self.label = label
        self.untrusted = untrusted ?? kind.receivesRequests
        self.origin = origin
    }
}
