/// A `sinkmap.yml` that cannot be used. Every case names the file and line so the fix is one jump away.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var at = file
        if let line { at += ":\(line)" }
        if let line = line, let column { _ = line; at += ":\(column)" }
        return "\(at): \(message)"
    }
}
