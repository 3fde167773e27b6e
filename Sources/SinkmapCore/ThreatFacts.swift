/// What the threat context of a path needs beyond the calls, merged from every translation unit and resolved
/// to the graph's node ids: registered handlers and thread bodies, overrides (for gRPC services), library API
/// declared in `include/`, functions whose address escapes, and reads of standard input streams.
public struct ThreatFacts: Sendable {
    /// A function or lambda registered as an HTTP handler or a thread body.
    public struct Registration: Sendable, Equatable {
        public var node: Int32
        public var kind: RegistrationKind
        public var route: String?
        /// The registering function; nil when it is not a node of the graph.
        public var registeredBy: Int32?
        public var location: SourceLocation
        /// The route as written when `route` was resolved from constants.
        public var routeAsWritten: String?
    }

    /// Sorted by node, then kind, location and route.
    public var registrations: [Registration] = []
    /// Per method node: the methods it overrides.
    public var overridden: [Int32: [Int32]] = [:]
    /// Functions declared in a header under an `include/` folder of the scanned tree.
    public var publicAPI: Set<Int32> = []
    /// Functions whose address is taken (stored, passed or escaping).
    public var addressTaken: Set<Int32> = []
    /// Per node: the standard streams it reads by name (`std::cin`), sorted.
    public var streamReads: [Int32: [String]] = [:]
    /// Functions a framework's macro writes around a handler: never entry points of their own.
    public var frameworkFunctions: Set<Int32> = []
    /// gRPC methods found without the generated code: methods of a class whose unresolved base is a generated service
    /// class, named as an rpc of that service in a `.proto` of the tree. Per node: the route and where the rpc is
    /// declared.
    public var protoMethods: [Int32: (route: String, rpc: ProtoServices.RPC, base: String)] = [:]
    /// Per node: what it does with values (`FlowFact`), from the first unit that defines it.
    public var flows: [Int32: FlowFact] = [:]

    public init() {}

    public init(units: [TranslationUnitFacts], graph: CallGraph, protos: ProtoServices = ProtoServices()) {
        var registrations = Set<EntryRegistrationFact>()
        var overrides = Set<OverrideFact>()
        var publicIDs = Set<String>()
        var addressIDs = Set<String>()
        var streams = Set<StreamReadFact>()
        var framework = Set<String>()
        var serviceMethods = Set<UnresolvedServiceMethodFact>()
        for unit in units {
            framework.formUnion(unit.frameworkFunctions)
            if !protos.isEmpty { serviceMethods.formUnion(unit.unresolvedServiceMethods) }
            registrations.formUnion(unit.registrations)
            overrides.formUnion(unit.overrides)
            publicIDs.formUnion(unit.publicDeclarations)
            for store in unit.addressStores { addressIDs.insert(store.function) }
            streams.formUnion(unit.streamReads)
            for f in unit.flows {
                if let n = graph.node(f.function), flows[n] == nil { flows[n] = f }
            }
        }
        self.registrations = registrations.compactMap { r in
            graph.node(r.function).map {
                Registration(node: $0, kind: r.kind, route: r.route, registeredBy: graph.node(r.registeredBy), location: r.location,
                             routeAsWritten: r.routeAsWritten)
            }
        }.sorted { a, b in
            (a.node, a.kind, a.location, a.route ?? "") < (b.node, b.kind, b.location, b.route ?? "")
        }
        for o in overrides.sorted(by: { ($0.method, $0.overridden) < ($1.method, $1.overridden) }) {
            if let m = graph.node(o.method), let base = graph.node(o.overridden) { overridden[m, default: []].append(base) }
        }
        publicAPI = Set(publicIDs.compactMap(graph.node))
        addressTaken = Set(addressIDs.compactMap(graph.node))
        frameworkFunctions = Set(framework.compactMap(graph.node))
        for fact in serviceMethods.sorted(by: { ($0.method, $0.base) < ($1.method, $1.base) }) {
            guard let node = graph.node(fact.method), protoMethods[node] == nil, let found = protos.route(of: fact) else { continue }
            protoMethods[node] = (found.route, found.rpc, fact.base)
        }
        for s in streams {
            if let n = graph.node(s.function) { streamReads[n, default: []].append(s.stream) }
        }
        for n in streamReads.keys { streamReads[n]!.sort() }
    }
}
