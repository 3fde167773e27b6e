/// One translation unit to parse: its main file and the compiler arguments libclang gets.
public struct CompileJob: Hashable, Codable, Sendable {
    /// Absolute path of the main file.
    public var file: String
    /// Arguments without the compiler, the source file, `-c`, `-o` and dependency-file flags.
    public var arguments: [String]
    /// Where relative paths in `arguments` resolve (a compilation database entry's `directory`).
    public var directory: String
    /// The build target the entry compiles the file for, when its output says (`-o …/CMakeFiles/whisper-cli.dir/…`):
    /// which program's definitions a call links with (`ProgramSeparation`). Nil for a tree walk.
    public var target: String?

    public init(file: String, arguments: [String], directory: String, target: String? = nil) {
        self.file = file
        self.arguments = arguments
        self.directory = directory
        self.target = target
    }
}
