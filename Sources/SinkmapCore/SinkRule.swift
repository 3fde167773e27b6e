/// What a sink does, for grouping and for the questions a threat modeler asks of it.
public enum SinkCategory: String, Codable, Sendable, CaseIterable {
    case modelLoad = "model-load"
    case inference
    case tokenize
    case template
    case sampling
    case embedding
    case network
    case codeLoad = "code-load"

    /// Whether the call hands back what the model made (text, tokens, a prompt, embeddings, an API's answer): only
    /// then is what its callers do afterwards downstream of the model. Loading a model or a library is not.
    public var producesOutput: Bool {
        switch self {
        case .modelLoad, .codeLoad: return false
        default: return true
        }
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
