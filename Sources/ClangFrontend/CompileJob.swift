/// One translation unit to parse: its main file and the compiler arguments libclang gets.
public struct CompileJob: Hashable, Codable, Sendable {
    /// Absolute path of the main file.
    public var file: String
    /// Arguments without the compiler, the source file, `-c`, `-o` and dependency-file flags.
    public var arguments: [String]
    /// Where relative paths in `arguments` resolve (a compilation database entry's `directory`).
    public var directory: String

    public init(file: String, arguments: [String], directory: String) {
        self.file = file
        self.arguments = arguments
        self.directory = directory
    }
}
