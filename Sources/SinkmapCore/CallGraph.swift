/// One node of the merged program: a function, method, field, lambda, initializer or unresolved name.
public struct Function: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    public var kind: FunctionKind
    public var linkage: Linkage
    public var location: SourceLocation?
    public var isDefinition: Bool
    public var isSystem: Bool
    public var signature: String?
    /// Other names calls used for it (`Ort::Session::Run` for `Ort::detail::SessionImpl::Run`), sorted.
    public var aliases: [String] = []

    public init(_ fact: FunctionFact) {
        id = fact.id
        name = fact.name
        kind = fact.kind
        linkage = fact.linkage
        location = fact.location
        isDefinition = fact.isDefinition
        isSystem = fact.isSystem
        signature = fact.signature
    }

    /// Shown with its file although external: one of several `main`s in a tree of many programs.
    public var showsFile = false

    /// The name shown to users; internal-linkage functions carry their file so same-named statics differ.
    public var displayName: String {
        if linkage == .internal || showsFile, let file = location?.file { return "\(name)@\(file)" }
        return name
    }
}

/// An edge: every call site from one function to another, earliest first.
public struct CallEdge: Hashable, Sendable {
    public var callee: Int32
    /// Call sites in (file, line, column) order; `sites[0]` represents the edge.
    public var sites: [CallSite]
}

/// One place a call is written.
public struct CallSite: Hashable, Codable, Sendable {
    public var location: SourceLocation
    public var kind: CallKind
    public var macro: String?
    /// For `stored-callback` and `handoff` edges: the slot and where it was bound or read.
    public var evidence: CallEvidence?
    /// Every argument is a literal (see `CallFact.constantArguments`).
    public var constantArguments: Bool = false

    public init(location: SourceLocation, kind: CallKind, macro: String? = nil, evidence: CallEvidence? = nil,
                constantArguments: Bool = false) {
        self.constantArguments = constantArguments
        self.location = location
        self.kind = kind
        self.macro = macro
        self.evidence = evidence
    }
}

/// The whole-program call graph: immutable, integer node ids, adjacency arrays sorted for determinism.
/// Node ids follow the order of `Function.id`, so the same program always gives the same numbering.
public struct CallGraph: Sendable {
    public let functions: [Function]
    /// Outgoing edges per node, sorted by callee id.
    public let callees: [[CallEdge]]
    /// Incoming edges per node: caller ids, sorted.
    public let callers: [[Int32]]
    /// The same edges as flat arrays, for the path engine's walks over large graphs.
    public let adjacency: CompactGraph
    public let index: [String: Int32]
    /// Name prefixes that mean others (`torch::jit::script::Module` → `torch::jit::Module`).
    public let nameAliases: NameAliases

    public init(functions: [Function], callees: [[CallEdge]], nameAliases: NameAliases = NameAliases()) {
        self.functions = functions
        self.nameAliases = nameAliases
        self.callees = callees
        var index = [String: Int32](minimumCapacity: functions.count)
        for (i, f) in functions.enumerated() { index[f.id] = Int32(i) }
        self.index = index
        let adjacency = CompactGraph(callees: callees)
        self.adjacency = adjacency
        self.callers = (0..<functions.count).map { Array(adjacency.callers(of: Int32($0))) }
    }

    public var callCount: Int { callees.reduce(0) { $0 + $1.reduce(0) { $0 + $1.sites.count } } }

    public func node(_ id: String) -> Int32? { index[id] }
}
