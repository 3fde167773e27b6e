import ClangFrontend

/// The version sinkmap reports in every output and keys its caches by.
public enum SinkmapVersion {
    public static let current = "0.1.0"

    /// The libclang this build runs on, as it names itself (`Debian clang version 19.1.7 (3~deb12u1)`): recorded in
    /// every report's `tool` block and printed by `sinkmap --version`.
    public static var libclang: String { TranslationUnitIndexer.libclangVersion }

    /// libclang's major version (19), read from its name; 0 when the name carries none.
    public static var libclangMajor: Int { ClangVersion.major(of: libclang) }

    /// What `sinkmap --version` prints: the version, then the libclang on a line of its own.
    public static var description: String { "\(current)\nlibclang: \(libclang)" }
}
