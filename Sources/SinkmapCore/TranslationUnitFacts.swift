/// Everything one translation unit contributes to the program: its functions, call sites and diagnostics.
/// Facts from many units merge into one `CallGraph` (see `CallGraphBuilder`), in any order.
public struct TranslationUnitFacts: Codable, Sendable {
    /// The main file, relative to the scanned root.
    public var file: String
    /// The build target the unit was compiled for (from the compilation database), set after parsing: a file compiled
    /// for several programs is several units, and a call binds to the definitions of its own program
    /// (`ProgramSeparation`). Not part of what libclang yields, so not cached.
    public var target: String?
    public var functions: [FunctionFact]
    public var calls: [CallFact]
    public var diagnostics: [DiagnosticFact]
    public var overrides: [OverrideFact] = []
    public var addressStores: [AddressStoreFact] = []
    public var slotFlows: [SlotFlowFact] = []
    public var containerAccesses: [ContainerAccessFact] = []
    public var aliases: [NameAliasFact] = []
    public var instantiations: [InstantiationFact] = []
    public var dependentCalls: [DependentCallFact] = []
    /// Hosted-LLM URLs and the string slots that carry them (see `EndpointFlowFact`).
    public var endpointFlows: [EndpointFlowFact] = []
    /// Functions and lambdas registered as HTTP handlers or thread bodies.
    public var registrations: [EntryRegistrationFact] = []
    /// External functions declared in a header under an `include/` folder of the scanned tree: library API.
    public var publicDeclarations: [String] = []
    /// Functions that read `std::cin` (or another standard stream) by name.
    public var streamReads: [StreamReadFact] = []
    /// Functions a framework's macro writes around a handler (oat++'s `Z__PROXY_METHOD_…`, which calls the handler):
    /// the framework's plumbing, never entry points of their own.
    public var frameworkFunctions: [String] = []
    /// Methods of classes deriving from a gRPC service class that could not be resolved (its generated header is
    /// missing): gRPC methods when a `.proto` of the tree declares the rpc.
    public var unresolvedServiceMethods: [UnresolvedServiceMethodFact] = []
    /// What each function defined here does with values (see `FlowFact`), sorted by function.
    public var flows: [FlowFact] = []
    /// Why libclang produced no AST at all (nothing was recorded); nil when the unit was parsed.
    public var failure: UnitFailure?
    /// libclang could not produce an AST at all (crash, time-out, unreadable file): nothing was recorded.
    public var failed: Bool { failure != nil }
    /// Parsed with errors: some calls may have been recovered by name (`CallKind.unresolved`).
    public var hadErrors: Bool

    /// Roughly the bytes these facts take stored: their strings, and a fixed share per record. Deterministic, and
    /// cheap next to encoding them.
    public var estimatedSize: Int {
        let perRecord = 96
        let functionBytes = functions.reduce(0) {
            $0 + perRecord + $1.id.utf8.count + $1.name.utf8.count + ($1.signature?.utf8.count ?? 0)
                + ($1.location?.file.utf8.count ?? 0)
        }
        let callBytes = calls.reduce(0) {
            $0 + perRecord + $1.caller.utf8.count + $1.callee.utf8.count + $1.location.file.utf8.count
                + ($1.macro?.utf8.count ?? 0) + ($1.writtenAs?.utf8.count ?? 0)
        }
        let others = overrides.count + addressStores.count + aliases.count + instantiations.count + dependentCalls.count
            + registrations.count + streamReads.count + diagnostics.count + slotFlows.count + containerAccesses.count
            + endpointFlows.count + frameworkFunctions.count + unresolvedServiceMethods.count
        let flowBytes = flows.reduce(0) { total, f in
            total + perRecord + 4 * f.edges.count + f.values.reduce(0) { $0 + 24 + $1.key.utf8.count + $1.name.utf8.count }
                + f.calls.reduce(0) { $0 + perRecord + $1.name.utf8.count + $1.location.file.utf8.count }
        }
        return functionBytes + callBytes + flowBytes + perRecord * others + publicDeclarations.reduce(0) { $0 + $1.utf8.count }
    }

    public init(file: String, functions: [FunctionFact] = [], calls: [CallFact] = [],
                diagnostics: [DiagnosticFact] = [], failure: UnitFailure? = nil, hadErrors: Bool = false) {
        self.file = file
        self.functions = functions
        self.calls = calls
        self.diagnostics = diagnostics
        self.failure = failure
        self.hadErrors = hadErrors
    }
}

/// Why a translation unit was not analysed. The gate compares these by file and reason with the baseline's.
public enum UnitFailure: String, Codable, Sendable, CaseIterable {
    /// libclang crashed on it (in a worker process, or its own crash recovery caught it).
    case crashed
    /// It took longer than `--tu-timeout`.
    case timedOut = "timed-out"
    /// libclang produced no AST (rejected arguments, an unreadable file, an AST read error).
    case unparsed
    /// Its worker went past `--tu-memory`.
    case exceededMemory = "exceeded-memory"
    /// Its worker went past `--tu-cpu-time`.
    case exceededCPUTime = "exceeded-cpu-time"
    /// What it recorded was larger than `--tu-facts`: not kept.
    case factsTooLarge = "facts-too-large"
    /// Its shard was not merged (`sinkmap merge --allow-partial`): it was never parsed.
    case missingShard = "missing-shard"
}
