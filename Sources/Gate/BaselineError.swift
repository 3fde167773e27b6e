/// A baseline file that cannot be used. The gate must never treat it as empty: an unreadable baseline would turn
/// every path into a "new" one, and a misread one could pass a change it should stop.
public struct BaselineError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Equatable, Sendable {
        /// The file does not exist.
        case missing
        /// The file exists but could not be read.
        case unreadable
        /// Not JSON, or not the shape of a baseline.
        case malformed
        /// Written by a newer sinkmap, in a format version this one does not know.
        case futureVersion(Int)
        /// Written in an older format version whose fingerprints this sinkmap does not compute: approve again.
        case outdatedVersion(Int)
        /// The file could not be written.
        case unwritable
    }

    public var file: String
    public var kind: Kind
    public var message: String

    public init(file: String, kind: Kind, message: String) {
        self.file = file
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(file): \(message)" }

    /// In an older format: usable only as "approve again".
    public var isOutdated: Bool {
        if case .outdatedVersion = kind { return true }
        return false
    }
}
