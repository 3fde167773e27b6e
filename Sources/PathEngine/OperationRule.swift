/// What a sensitive operation does with the data handed to it.
public enum OperationCategory: String, Codable, Sendable, CaseIterable {
    /// Runs a command or a process: `system`, `popen`, `exec*`.
    case shell
    /// Runs SQL: `sqlite3_exec`, `PQexec`, `mysql_query`.
    case sql
    /// Opens or writes a file: `fopen`, `std::ofstream`.
    case file
    /// Sends data over the network: `curl_easy_perform`, `send`, HTTP client calls.
    case network
    /// Loads native code: `dlopen`.
    case dynamicLoad = "dynamic-load"
}

/// Functions that do something consequential with their input: where a model's output must not go unchecked.
public struct OperationRule: Hashable, Sendable {
    public var id: String
    public var category: OperationCategory
    public var names: [String]
    public var patterns: [String]

    public init(id: String, category: OperationCategory, names: [String] = [], patterns: [String] = []) {
        self.id = id
        self.category = category
        self.names = names
        self.patterns = patterns
    }
}
