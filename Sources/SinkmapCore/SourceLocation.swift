/// A position in a scanned file. `file` is relative to the scanned root with `/` separators when the file is
/// under the root, absolute otherwise.
public struct SourceLocation: Hashable, Comparable, Codable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
