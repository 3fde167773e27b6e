/// What `sinkmap check` compares besides the listed paths, from the same scan: the facts that make the gate fail
/// closed. Not part of the report file; `sinkmap baseline` records it and `check` compares it.
public struct GateEvidence: Codable, Equatable, Sendable {
    /// Every call on the sink-reaching slice of the graph (see `SliceCall`), sorted by id, each id once.
    public var calls: [SliceCall]
    /// Units libclang produced nothing for, sorted.
    public var failedUnits: [FailedUnit]
    /// Units parsed with errors (root-relative main files), sorted.
    public var unitsWithErrors: [String]
    /// C/C++ sources under folders the tree walk skips (`out/`, `node_modules/`, …), root-relative, sorted;
    /// files the configuration's `exclude:` names are not listed.
    public var skippedSources: [String]
    /// Ids of `sinkmap.yml` sink rules that matched no function (a warning; `check --strict` fails on them).
    /// Not recorded in a baseline.
    public var unmatchedRules: [String] = []

    public init(calls: [SliceCall] = [], failedUnits: [FailedUnit] = [], unitsWithErrors: [String] = [],
                skippedSources: [String] = []) {
        var seen = Set<String>()
        self.calls = calls.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
        self.failedUnits = Array(Set(failedUnits)).sorted()
        self.unitsWithErrors = Array(Set(unitsWithErrors)).sorted()
        self.skippedSources = Array(Set(skippedSources)).sorted()
    }
}

/// One call that lies on a walk from an entry point to a sink (walks continue through sinks defined in the
/// tree, so a call inside a sink's body to another sink is on it too), or from a sink to a sensitive operation.
/// Compared by `id` alone: the caller's and callee's identities and how the call is written, not its line.
public struct SliceCall: Codable, Equatable, Sendable {
    /// 32 hex digits (`PathFingerprint.ofCall`).
    public var id: String
    public var caller: String
    public var callee: String
    /// An entry point that reaches the caller, and a sink the callee leads to (or the sink whose body leads to
    /// the callee): what the call connects, for the reader.
    public var entry: String
    public var sink: String
    /// Where the call is written (`file:line:column`), for the reader; never compared.
    public var at: String?

    public init(id: String, caller: String, callee: String, entry: String, sink: String, at: String?) {
        self.id = id
        self.caller = caller
        self.callee = callee
        self.entry = entry
        self.sink = sink
        self.at = at
    }
}

/// A translation unit that was not analysed, and why (`crashed`, `timed-out`, `unparsed`).
public struct FailedUnit: Codable, Hashable, Comparable, Sendable {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public static func < (a: FailedUnit, b: FailedUnit) -> Bool { (a.file, a.reason) < (b.file, b.reason) }
}
