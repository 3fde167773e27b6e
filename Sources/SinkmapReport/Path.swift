/// One call path from an entry point to a sink.
public struct Path: Codable, Equatable, Sendable {
    /// Stable fingerprint: depends on the entry point, the functions on the path and the sink rule, never on
    /// line numbers or where the tree was checked out.
    public var id: String
    public var entry: Entry
    public var sink: SinkRef
    /// From the entry point to the sink; the last frame is the sink itself and has no `call`.
    public var frames: [Frame]
    /// True when a limit cut the set of paths to this sink (see `PathCount.truncatedBy`).
    public var truncated: Bool

    public init(id: String, entry: Entry, sink: SinkRef, frames: [Frame], truncated: Bool) {
        self.id = id
        self.entry = entry
        self.sink = sink
        self.frames = frames
        self.truncated = truncated
    }

    /// The function a path starts from, and why it is an entry point.
    public struct Entry: Codable, Equatable, Sendable {
        public var function: String
        /// `main`, `initializer` or `root`.
        public var kind: String
        public init(function: String, kind: String) {
            self.function = function
            self.kind = kind
        }
    }

    /// The sink a path ends at.
    public struct SinkRef: Codable, Equatable, Sendable {
        public var rule: String
        public var function: String
        public var category: String
        public init(rule: String, function: String, category: String) {
            self.rule = rule
            self.function = function
            self.category = category
        }
    }
}

/// One function on a path and, except for the last, the call it makes toward the sink.
public struct Frame: Codable, Equatable, Sendable {
    /// Qualified name without parameters; internal-linkage functions carry `@file`.
    public var function: String
    /// Where the function is defined (or declared, for library functions); absent for names recovered from
    /// unparsed code.
    public var file: String?
    public var line: Int?
    public var call: Call?

    public init(function: String, file: String?, line: Int?, call: Call?) {
        self.function = function
        self.file = file
        self.line = line
        self.call = call
    }

    /// The call site toward the next frame (the earliest one when there are several).
    public struct Call: Codable, Equatable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        /// `direct`, `constructor`, `operator`, `virtual`, `field`, `pointer` or `unresolved`.
        public var kind: String
        /// The macro the call is written through, when it is.
        public var macro: String?
        public init(file: String, line: Int, column: Int, kind: String, macro: String? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.kind = kind
            self.macro = macro
        }
    }
}
