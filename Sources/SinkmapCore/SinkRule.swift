/// What a sink does, for grouping and for the questions a threat modeler asks of it: one of the built-in
/// categories, or one a project declares under `categories:` in its `sinkmap.yml` (checked there: a rule may use
/// only a built-in or a declared category).
public struct SinkCategory: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Any name: whether it may be used is the configuration's question, not this type's.
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let modelLoad = SinkCategory(rawValue: "model-load")
    public static let inference = SinkCategory(rawValue: "inference")
    public static let tokenize = SinkCategory(rawValue: "tokenize")
    public static let template = SinkCategory(rawValue: "template")
    public static let sampling = SinkCategory(rawValue: "sampling")
    public static let embedding = SinkCategory(rawValue: "embedding")
    public static let network = SinkCategory(rawValue: "network")
    public static let codeLoad = SinkCategory(rawValue: "code-load")

    /// The built-in categories, in the order documentation and reports list them.
    public static let builtIn: [SinkCategory] = [.modelLoad, .inference, .tokenize, .template, .sampling, .embedding,
                                                 .network, .codeLoad]

    public var isBuiltIn: Bool { Self.builtIn.contains(self) }

    /// The built-in category of that name, nil for any other.
    public static func builtIn(named name: String) -> SinkCategory? {
        builtIn.first { $0.rawValue == name }
    }

    /// Whether the call hands back what the model made (text, tokens, a prompt, embeddings, an API's answer): only
    /// then is what its callers do afterwards downstream of the model. Loading a model or a library is not. A
    /// project's own category is taken to hand back output (its paths get the downstream analysis).
    public var producesOutput: Bool {
        self != .modelLoad && self != .codeLoad
    }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A rule naming functions (or function-pointer fields) whose calls are sinks.
public struct SinkRule: Hashable, Codable, Sendable {
    /// Stable identifier, `family/what` (`llama.cpp/decode`).
    public var id: String
    public var category: SinkCategory
    /// One line: why a threat modeler cares about this call.
    public var reason: String
    /// Exact qualified names (`llama_decode`, `OrtApi::Run`, `torch::jit::Module::forward`).
    public var names: [String]
    /// Regular expressions matched against qualified names.
    public var patterns: [String]
    /// Where the rule came from: `built-in` or the configuration file's path.
    public var origin: String

    public init(id: String, category: SinkCategory, reason: String, names: [String] = [], patterns: [String] = [],
                origin: String = "built-in") {
        self.id = id
        self.category = category
        self.reason = reason
        self.names = names
        self.patterns = patterns
        self.origin = origin
    }
}
