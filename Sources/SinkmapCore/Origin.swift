/// Whose code a function or file is: the project's own, a copy of someone else's kept in the tree (a submodule,
/// `third_party/`, a single-header library), or outside the scanned root altogether (SDK and system headers).
public enum Origin: String, Codable, Sendable, CaseIterable {
    case project, vendored, external
}
