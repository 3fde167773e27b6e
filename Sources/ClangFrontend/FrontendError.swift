/// Problems with the scan's input as a whole (not with one file, which are diagnostics).
public enum FrontendError: Error, CustomStringConvertible, Equatable {
    case pathNotFound(String)
    case unreadableCompilationDatabase(path: String, reason: String)
    case malformedCompilationDatabase(path: String, reason: String)

    public var description: String {
        switch self {
        case .pathNotFound(let p):
            return "\(p): no such file or directory"
        case .unreadableCompilationDatabase(let p, let reason):
            return "\(p): cannot read the compilation database: \(reason)"
        case .malformedCompilationDatabase(let p, let reason):
            return "\(p): not a valid compilation database: \(reason). Expected a JSON array of objects with \"directory\", \"file\" and \"arguments\" or \"command\""
        }
    }
}
