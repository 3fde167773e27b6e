/// The canonical result of a scan: the JSON contract every output format renders from.
/// Later versions only add fields; `schema` names the contract version.
public struct Report: Codable, Equatable, Sendable {
    public static let schemaVersion = "sinkmap/v1"

    /// Contract version, `sinkmap/v1`.
    public var schema: String
    public var tool: Tool
    /// The scanned root as given on the command line (files in the report are relative to it).
    public var root: String
    /// Every sink function called somewhere in the program, reached from an entry point or not.
    public var sinks: [Sink]
    /// Every listed path, sorted by sink rule, sink, entry point and frames.
    public var paths: [Path]
    /// Per sink function: how many paths exist and how many are listed.
    public var pathCounts: [PathCount]
    /// What could not be read or parsed, sorted by file and line.
    public var diagnostics: [Diagnostic]
    /// The limits the paths were enumerated under.
    public var limits: Limits
    public var stats: Stats
    /// The attack surface: the project's entry points, ranked, each with the sinks it reaches and one witness path
    /// per sink. What text, Markdown and HTML put first. Absent in reports that predate it.
    public var surface: Surface?
    /// The sink categories the project declared in its `sinkmap.yml` (`categories:`), which its rules' sinks may
    /// name besides the built-in ones. Absent when it declared none.
    public var categories: [Category]?
    /// `--source-base`: the absolute URI of the scanned root (`file:///home/ci/src/llama.cpp/`, ending in `/`),
    /// against which every relative `file` resolves; SARIF gives it as `%SRCROOT%`'s `uri`. Absent unless asked for:
    /// a report is the same on every checkout.
    public var sourceBase: String?

    public init(tool: Tool, root: String, sinks: [Sink], paths: [Path], pathCounts: [PathCount],
                diagnostics: [Diagnostic], limits: Limits, stats: Stats) {
        self.schema = Report.schemaVersion
        self.tool = tool
        self.root = root
        self.sinks = sinks
        self.paths = paths
        self.pathCounts = pathCounts
        self.diagnostics = diagnostics
        self.limits = limits
        self.stats = stats
    }

    public struct Tool: Codable, Equatable, Sendable {
        public var name: String
        public var version: String
        /// The libclang the scan parsed with, as it names itself (`Debian clang version 19.1.7 (3~deb12u1)`):
        /// what a file parses to depends on it. Absent in reports that predate it and in rendered-only reports.
        public var libclang: String?
        public init(name: String = "sinkmap", version: String, libclang: String? = nil) {
            self.name = name
            self.version = version
            self.libclang = libclang
        }
    }

    /// A sink category declared by the project.
    public struct Category: Codable, Equatable, Sendable {
        /// What `sink.category` names.
        public var id: String
        /// One line: what calls of this category do.
        public var description: String
        /// SARIF `security-severity` (`6.5`); absent: the default for a category sinkmap does not know.
        public var severity: String?
        public init(id: String, description: String, severity: String? = nil) {
            self.id = id
            self.description = description
            self.severity = severity
        }
    }

    public struct Limits: Codable, Equatable, Sendable {
        /// Paths listed per sink function.
        public var maxPaths: Int
        /// Calls per path.
        public var maxDepth: Int
        public init(maxPaths: Int, maxDepth: Int) {
            self.maxPaths = maxPaths
            self.maxDepth = maxDepth
        }
    }

    public struct Stats: Codable, Equatable, Sendable {
        /// Translation units scanned: `parsedTranslationUnits + translationUnitsWithErrors + failedTranslationUnits`.
        public var translationUnits: Int
        /// Translation units libclang could not parse at all (a rejected flag, a crash, a limit): nothing of them is
        /// in the graph.
        public var failedTranslationUnits: Int
        /// Translation units parsed with errors (calls recovered by name).
        public var translationUnitsWithErrors: Int
        /// Translation units parsed without an error; absent in reports that predate it.
        public var parsedTranslationUnits: Int?
        /// Nodes of the call graph.
        public var functions: Int
        /// Call sites in the call graph.
        public var calls: Int
        /// Entry points found.
        public var entryPoints: Int
        /// Wall-clock time of the scan. With `cachedTranslationUnits`, the only fields that differ between
        /// runs on the same tree.
        public var seconds: Double
        /// Translation units whose facts came from the cache instead of libclang (absent when none did).
        public var cachedTranslationUnits: Int?
        /// Entry points found, per kind (`http-handler`: 5, …); absent in reports that predate entry kinds.
        public var entryPointKinds: [String: Int]?
        /// C/C++ sources not scanned because they are under a skipped folder (`out/`, `node_modules/`, …), per
        /// outermost skipped folder (`"src/out/": 2`); absent when none.
        public var skippedSourceFiles: [String: Int]?
        /// Files the compilation database compiles more than once (for several targets, or with different flags), each
        /// with its number of units: every one is scanned. Absent when none.
        public var filesCompiledSeveralTimes: [String: Int]?
        public init(translationUnits: Int, failedTranslationUnits: Int, translationUnitsWithErrors: Int,
                    functions: Int, calls: Int, entryPoints: Int, seconds: Double) {
            self.translationUnits = translationUnits
            self.failedTranslationUnits = failedTranslationUnits
            self.translationUnitsWithErrors = translationUnitsWithErrors
            self.functions = functions
            self.calls = calls
            self.entryPoints = entryPoints
            self.seconds = seconds
        }
    }

    /// The project's entry points in review order — HTTP and gRPC handlers (with routes) first, then `main`s,
    /// exported API, threads and callbacks, initializers, and uncalled roots last; within a kind by name — each
    /// with the sinks it reaches. Every HTTP or gRPC handler found is listed, also one that reaches no sink.
    public struct Surface: Codable, Equatable, Sendable {
        public var entries: [Entry]
        /// Entry points in vendored or external code, left out (`--include-vendored` lists them), and the paths
        /// that start there.
        public var notProject: Folded?

        public init(entries: [Entry], notProject: Folded? = nil) {
            self.entries = entries
            self.notProject = notProject
        }

        public struct Entry: Codable, Equatable, Sendable {
            public var function: String
            public var kind: String
            public var routes: [String]?
            /// Routes resolved from constants, with the pattern as written (see `Path.Entry.routeEvidence`).
            public var routeEvidence: [String]?
            public var label: String?
            public var origin: String
            /// Where it is defined.
            public var file: String?
            public var line: Int?
            /// Some path from it carries untrusted input.
            public var untrusted: Bool?
            public var sinks: [Reached]
            /// Shell and SQL calls a request handler reaches by itself, before or without any model call: the
            /// request may drive the command (a finding of its own, not model-output downstream).
            public var requestDriven: [Operation]?
            public init(function: String, kind: String, routes: [String]?, routeEvidence: [String]? = nil, label: String?,
                        origin: String, file: String? = nil, line: Int? = nil, untrusted: Bool?, sinks: [Reached],
                        requestDriven: [Operation]? = nil) {
                self.requestDriven = requestDriven
                self.routeEvidence = routeEvidence
                self.file = file
                self.line = line
                self.function = function
                self.kind = kind
                self.routes = routes
                self.label = label
                self.origin = origin
                self.untrusted = untrusted
                self.sinks = sinks
            }
        }

        /// A sensitive operation reached from an entry point: its category (`shell`, `sql`), the operation, the
        /// chain of calls from the entry point (entry first, operation last), and where the last call is written.
        public struct Operation: Codable, Equatable, Sendable {
            public var operation: String
            public var function: String
            public var via: [String]
            public var file: String
            public var line: Int
            public init(operation: String, function: String, via: [String], file: String, line: Int) {
                self.operation = operation
                self.function = function
                self.via = via
                self.file = file
                self.line = line
            }
        }

        /// One sink function an entry point reaches: how many listed paths, and the witness (a listed path whose
        /// untrusted input reaches the sink's arguments when there is one, then the shortest, ties by frame names) by
        /// its `paths[].id`.
        public struct Reached: Codable, Equatable, Sendable {
            public var rule: String
            public var function: String
            public var category: String
            public var paths: Int
            public var witness: String
            /// The witness's untrusted input reaches the sink call's arguments (`flows-to-sink`); absent otherwise.
            public var flows: Bool?
            public init(rule: String, function: String, category: String, paths: Int, witness: String) {
                self.rule = rule
                self.function = function
                self.category = category
                self.paths = paths
                self.witness = witness
            }
        }

        public struct Folded: Codable, Equatable, Sendable {
            public var entries: Int
            public var paths: Int
            public init(entries: Int, paths: Int) {
                self.entries = entries
                self.paths = paths
            }
        }
    }
}
