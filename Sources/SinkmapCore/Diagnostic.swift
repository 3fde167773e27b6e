/// Something a scan could not do fully: a parse error, a missing header, a file that could not be read.
public struct DiagnosticFact: Hashable, Codable, Sendable, Comparable {
    public enum Severity: String, Codable, Sendable { case note, warning, error, fatal }
    public var file: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public static func < (a: DiagnosticFact, b: DiagnosticFact) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0, a.message) < (b.file, b.line ?? 0, b.column ?? 0, b.message)
    }
}
