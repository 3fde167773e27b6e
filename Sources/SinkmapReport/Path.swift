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
    /// `untrusted-input` when the entry point receives requests or a frame before the sink reads untrusted
    /// input (see `Frame.sources`); absent when there is none.
    public var labels: [String]?
    /// Other sinks the sink's own body reaches when its definition is in the tree (`whisper_full` → … →
    /// `whisper_vad_init_from_file_with_params`), sorted; absent when none. Paths end at the first sink; this
    /// says what lies beyond it.
    public var alsoReaches: [String]?
    /// Sensitive operations the frames may hand the model's output to (call-graph co-reachability after the
    /// call toward the sink, not data flow); absent when there is none.
    public var downstream: [Downstream]?
    /// With `--lift`: the project's own wrapper of the sink this path goes through (the first API function on its
    /// route, as `sinkmap suggest` proposes it); absent without `--lift` or when the path meets none.
    public var wrapper: String?
    /// Untrusted input reaching the sink call's arguments, with a witness (label `flows-to-sink`); absent when none
    /// is found.
    public var flow: Flow?
    /// The model's output reaching the arguments of a shell, SQL, file or network call, each with a witness
    /// (labels `output-to-shell`, `output-to-sql`, `output-to-file`, `output-to-network`); absent when none.
    public var outputs: [OutputFlow]?

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
        /// `main`, `initializer`, `http-handler`, `grpc-method`, `thread`, `callback`, `exported` or `root`.
        public var kind: String
        /// HTTP routes (`POST /completion`; non-literal parts as `${expression}`) or gRPC methods
        /// (`/helloworld.Greeter/SayHello`), sorted; absent when none is known.
        public var routes: [String]?
        /// Routes resolved from constants and default member values, with the pattern as written:
        /// `POST /inference = POST ${sparams.request_path}${sparams.inference_path}` (code may change such values).
        public var routeEvidence: [String]?
        /// The label of a configured entry point (`entries:` in sinkmap.yml).
        public var label: String?
        /// The function that registered it (an HTTP handler, a thread body): the context it is set up in.
        public var registeredBy: String?
        /// Where that registration is written (the first, when there are several).
        public var registeredAt: Location?
        /// `project`, `vendored` or `external`: whose code the entry point is (Docs/threat-context.md).
        public var origin: String?
        public init(function: String, kind: String, routes: [String]? = nil, label: String? = nil,
                    registeredBy: String? = nil, registeredAt: Location? = nil) {
            self.function = function
            self.kind = kind
            self.routes = routes
            self.label = label
            self.registeredBy = registeredBy
            self.registeredAt = registeredAt
        }
    }

    /// A place in a scanned file.
    public struct Location: Codable, Equatable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    /// Untrusted input followed, argument by argument, from where it enters to the sink call (Docs/threat-context.md).
    public struct Flow: Codable, Equatable, Sendable {
        /// Where it enters: `request` (a handler's request parameter), `argv`, `arguments`, or the source function
        /// called (`fgets`, `httplib::Request::get_param_value`, `std::cin`).
        public var source: String
        /// The source's kind (`http-request`, `command-line`, `file`, …).
        public var kind: String
        /// The sink call's arguments it reaches, from 1.
        public var arguments: [Int]
        /// The witness: from the source to the sink call's argument, frame by frame.
        public var steps: [FlowStep]
        public init(source: String, kind: String, arguments: [Int], steps: [FlowStep]) {
            self.source = source
            self.kind = kind
            self.arguments = arguments
            self.steps = steps
        }
    }

    /// One value of a flow witness and where it gets its value.
    public struct FlowStep: Codable, Equatable, Sendable {
        /// Its frame on the path (index into `frames`); absent for a helper off the path the output was followed into.
        public var frame: Int?
        /// The function the value is in.
        public var function: String
        /// The value: a variable, `this->field`, `f(…)` (what a call returns), `argument 2 of f(…)`, `return`.
        public var value: String
        public var at: Location?
        public init(frame: Int?, function: String, value: String, at: Location?) {
            self.frame = frame
            self.function = function
            self.value = value
            self.at = at
        }
    }

    /// The model's output followed to a sensitive operation's argument (data flow, unlike `downstream`).
    public struct OutputFlow: Codable, Equatable, Sendable {
        /// `shell`, `sql`, `file` or `network`.
        public var operation: String
        /// The operation's function (`system`, `fprintf`).
        public var function: String
        /// The witness: from the sink call's output to the operation's argument.
        public var steps: [FlowStep]
        public init(operation: String, function: String, steps: [FlowStep]) {
            self.operation = operation
            self.function = function
            self.steps = steps
        }
    }

    /// A sensitive operation reachable from a frame after its call toward the sink.
    public struct Downstream: Codable, Equatable, Sendable {
        /// `shell`, `sql`, `file`, `network` or `dynamic-load`.
        public var operation: String
        /// The operation's function (`system`).
        public var function: String
        /// The calls from `from` to it: `from`'s callee first, `function` last.
        public var via: [String]
        /// The frame whose later call leads there.
        public var from: String
        /// That call.
        public var at: Location
        /// `reachability`: the operation is called after the model call, not shown to be given its output (see
        /// `outputs` for that); `data-flow` when an output witness reaches the same operation from this path.
        public var basis: String?
        public init(operation: String, function: String, via: [String], from: String, at: Location) {
            self.operation = operation
            self.function = function
            self.via = via
            self.from = from
            self.at = at
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
    /// `project`, `vendored` or `external`: whose code the function is.
    public var origin: String?
    public var call: Call?
    /// Untrusted input this frame reads, itself or through a direct callee; absent when none.
    public var sources: [Source]?

    public init(function: String, file: String?, line: Int?, call: Call?) {
        self.function = function
        self.file = file
        self.line = line
        self.call = call
    }

    /// A read of untrusted input.
    public struct Source: Codable, Equatable, Sendable {
        /// The source function (`fgets`), `argv`, `std::cin`, or `request` for a handler's request.
        public var source: String
        /// `command-line`, `environment`, `stdin`, `file`, `network`, `http-request`, `rpc-request`,
        /// `interactive`, `device` or `other`.
        public var kind: String
        /// The calls from this frame to where the input is read; empty when the frame reads it itself.
        public var via: [String]
        public init(source: String, kind: String, via: [String]) {
            self.source = source
            self.kind = kind
            self.via = via
        }
    }

    /// The call site toward the next frame (the earliest one when there are several).
    public struct Call: Codable, Equatable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        /// `direct`, `constructor`, `operator`, `implicit`, `virtual`, `field`, `pointer`, `lambda`, `template`,
        /// `stored-callback`, `handoff`, `async`, `endpoint` or `unresolved`.
        public var kind: String
        /// The macro the call is written through, when it is.
        public var macro: String?
        /// Why a `stored-callback` or `handoff` call reaches the next frame: the slot, and where the callable was
        /// bound into it (or where the consumer takes the item out).
        public var evidence: Evidence?
        public init(file: String, line: Int, column: Int, kind: String, macro: String? = nil, evidence: Evidence? = nil) {
            self.file = file
            self.line = line
            self.column = column
            self.kind = kind
            self.macro = macro
            self.evidence = evidence
        }
    }

    /// The slot an inferred call goes through and the place that connects it.
    public struct Evidence: Codable, Equatable, Sendable {
        /// The field, variable or parameter (`server_queue::callback_new_task`), or the container field.
        public var slot: String
        public var file: String
        public var line: Int
        public var column: Int
        public init(slot: String, file: String, line: Int, column: Int) {
            self.slot = slot
            self.file = file
            self.line = line
            self.column = column
        }
    }
}
