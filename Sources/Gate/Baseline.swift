import SinkmapReport

/// The paths a team has reviewed and approved, as committed next to the code (`sinkmap-baseline.json`), with
/// what else the gate compares (`GateEvidence`): the calls on the sink-reaching slice of the graph, the units
/// that were already failing, and the sources under skipped folders.
/// Entries are kept sorted like the report's paths — by sink rule, sink, then the functions along the path — so a
/// new path lands next to its siblings in a diff and two runs on the same tree write the same bytes.
public struct Baseline: Codable, Equatable, Sendable {
    /// The format version this sinkmap reads and writes. Newer versions are rejected, never guessed at; older
    /// ones (whose fingerprints were computed differently) must be approved again.
    public static let currentVersion = 2

    /// Format version, `2`.
    public var version: Int
    /// The sinkmap that wrote the file.
    public var tool: Report.Tool
    /// One entry per approved path, sorted (see `Entry.order`).
    public var entries: [Entry]
    /// Every call on the sink-reaching slice when the baseline was approved, sorted by id.
    public var calls: [Call]
    /// Units that were not analysed when the baseline was approved (by file and reason), sorted.
    public var failedUnits: [FailedUnit]
    /// Sources under skipped folders when the baseline was approved, sorted.
    public var skippedSources: [String]

    public init(tool: Report.Tool, entries: [Entry], evidence: GateEvidence = GateEvidence()) {
        self.version = Baseline.currentVersion
        self.tool = tool
        self.entries = entries.sorted(by: Entry.order)
        calls = evidence.calls.map { Call(id: $0.id, caller: $0.caller, callee: $0.callee) }
        failedUnits = evidence.failedUnits
        skippedSources = evidence.skippedSources
    }

    /// Every path of `report` approved, with the scan's `evidence`; notes are carried over from `previous` for
    /// paths that are still there. `note` (`sinkmap baseline --note`) is the reason given for the paths this run
    /// approves anew — those not in `previous` — and never replaces a note already written.
    public init(report: Report, evidence: GateEvidence = GateEvidence(), keepingNotesFrom previous: Baseline? = nil,
                note: String? = nil) {
        var notes: [String: String] = [:]
        for e in previous?.entries ?? [] where !e.note.isEmpty && notes[e.id] == nil { notes[e.id] = e.note }
        let known = previous?.ids ?? []
        var seen = Set<String>()
        let entries = report.paths.compactMap { path -> Entry? in
            guard seen.insert(path.id).inserted else { return nil }
            let given = known.contains(path.id) ? nil : note
            return Entry(path: path, note: notes[path.id] ?? given ?? "")
        }
        self.init(tool: report.tool, entries: entries, evidence: evidence)
    }

    /// The fingerprints of all approved paths.
    public var ids: Set<String> { Set(entries.map(\.id)) }

    /// One approved call on the slice. Only `id` is compared; the names are there for the reader.
    public struct Call: Codable, Equatable, Sendable {
        /// `PathFingerprint.ofCall`: 32 hex digits.
        public var id: String
        public var caller: String
        public var callee: String

        public init(id: String, caller: String, callee: String) {
            self.id = id
            self.caller = caller
            self.callee = callee
        }
    }

    /// One approved path. Only `id` (the path's fingerprint) decides whether a path is approved; the other
    /// fields are there so a reviewer can read the file and its diffs without running sinkmap.
    public struct Entry: Codable, Equatable, Sendable {
        /// The path's fingerprint (`paths[].id` in the report): 32 hex digits.
        public var id: String
        /// The entry point's function.
        public var entry: String
        /// `main`, `initializer` or `root`.
        public var entryKind: String
        /// The sink function the path ends at.
        public var sink: String
        /// The sink rule that matched it.
        public var rule: String
        /// The functions on the path, entry point first, sink last.
        public var functions: [String]
        /// Free text: why the path is acceptable. Kept when the baseline is rewritten.
        public var note: String

        public init(id: String, entry: String, entryKind: String, sink: String, rule: String, functions: [String],
                    note: String = "") {
            self.id = id
            self.entry = entry
            self.entryKind = entryKind
            self.sink = sink
            self.rule = rule
            self.functions = functions
            self.note = note
        }

        public init(path: Path, note: String = "") {
            self.init(id: path.id, entry: path.entry.function, entryKind: path.entry.kind, sink: path.sink.function,
                      rule: path.sink.rule, functions: path.frames.map(\.function), note: note)
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            entry = try c.decode(String.self, forKey: .entry)
            entryKind = try c.decode(String.self, forKey: .entryKind)
            sink = try c.decode(String.self, forKey: .sink)
            rule = try c.decode(String.self, forKey: .rule)
            functions = try c.decode([String].self, forKey: .functions)
            // `note` may be left out by hand; it is always written.
            note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
        }

        /// The order of the report's paths: sink rule, sink, the functions along the path, then the id.
        public static func order(_ a: Entry, _ b: Entry) -> Bool {
            if a.rule != b.rule { return a.rule < b.rule }
            if a.sink != b.sink { return a.sink < b.sink }
            if a.functions != b.functions { return a.functions.lexicographicallyPrecedes(b.functions) }
            return a.id < b.id
        }

        /// `rule: main → handler → sink`, for listings.
        public var summary: String { "\(rule): " + functions.joined(separator: " → ") }
    }
}
