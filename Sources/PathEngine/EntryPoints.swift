import SinkmapCore

/// Why a function starts paths.
public enum EntryKind: String, Codable, Sendable, Comparable, CaseIterable {
    /// The program's `main`.
    case main
    /// A translation unit's global and static initializers, which run before `main`.
    case initializer
    /// A function or lambda registered with an HTTP server as a route handler.
    case httpHandler = "http-handler"
    /// An override of a method of a generated gRPC `…::Service` class.
    case grpcMethod = "grpc-method"
    /// A function or lambda handed to a new thread (`std::thread`, `pthread_create`, `std::async`).
    case thread
    /// A function nothing in the project calls but whose address is handed on: a callback invoked elsewhere.
    case callback
    /// A function nothing in the project calls, declared in a header under `include/`: library API.
    case exported
    /// A function defined in the project that nothing in the project calls: library API, callbacks,
    /// or code reached in ways the graph does not see.
    case root

    public static func < (a: EntryKind, b: EntryKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Started by a request from outside the process: what it receives is untrusted.
    public var receivesRequests: Bool { self == .httpHandler || self == .grpcMethod }

    /// The order a reviewer reads entry points in: request handlers first, uncalled roots last.
    public static let reviewOrder: [EntryKind] = [.httpHandler, .grpcMethod, .main, .exported, .thread, .callback,
                                                  .initializer, .root]
    public var reviewRank: Int { Self.reviewOrder.firstIndex(of: self) ?? Self.reviewOrder.count }
}

/// An entry point and what is known about who starts it.
public struct EntryPoint: Sendable, Equatable {
    /// A registration that makes a function an entry point: the registering function and the call.
    public struct Registrar: Sendable, Equatable {
        public var node: Int32?
        public var location: SourceLocation
    }

    public var node: Int32
    public var kind: EntryKind
    /// HTTP routes (`POST /completion`) or gRPC methods (`/helloworld.Greeter/SayHello`), sorted.
    public var routes: [String] = []
    /// For routes resolved from constants and default member values: `POST /inference = POST ${a}${b}`, sorted.
    public var routeEvidence: [String] = []
    /// A configured entry point's label.
    public var label: String?
    /// Where it is registered, in source order (empty for entry points found by shape alone).
    public var registeredBy: [Registrar] = []
    /// What it receives comes from outside: paths from it carry untrusted input.
    public var untrusted: Bool = false
    /// Named by a project's `entries:` rule: kept whatever code it is in.
    public var configured = false

    public init(node: Int32, kind: EntryKind) {
        self.node = node
        self.kind = kind
        self.untrusted = kind.receivesRequests
    }
}

/// Finds and classifies the entry points of a graph. Sinks are never entry points. In order of precedence:
/// a project's `entries:` rules; `main` and initializers; registered HTTP handlers, gRPC service overrides and
/// thread bodies (entry points even when something also calls them); then functions nothing outside their own
/// cycle calls —
/// `exported` when declared under `include/`, `callback` when their address is taken, `root` otherwise.
public enum EntryPoints {
    public static func find(in graph: CallGraph, sinks: [Int?]) -> [(node: Int32, kind: EntryKind)] {
        classify(in: graph, sinks: sinks).map { ($0.node, $0.kind) }
    }

    public static func classify(in graph: CallGraph, sinks: [Int?], facts: ThreatFacts = ThreatFacts(),
                                rules: [EntryRule] = [], ruleMatcher: NameMatcher? = nil) -> [EntryPoint] {
        var registered: [Int32: [ThreatFacts.Registration]] = [:]
        for r in facts.registrations { registered[r.node, default: []].append(r) }
        var result: [EntryPoint] = []
        // Callers inside a function's own cycle do not count: a group of functions that only call each other
        // (nothing outside calls any of them) is entered at each of its members.
        let n = graph.functions.count
        let components = Condensation(graph.adjacency, active: [Bool](repeating: true, count: n),
                                      terminal: sinks.map { $0 != nil }, roots: (0..<Int32(n)).map { $0 }).component
        var calledFromOutside = [Bool](repeating: false, count: n)
        for i in 0..<n where graph.callers[i].contains(where: { components[Int($0)] != components[i] }) {
            let c = Int(components[i])
            if c >= 0 { calledFromOutside[c] = true }
        }
        for (i, f) in graph.functions.enumerated() where sinks[i] == nil && f.isDefinition && !f.isSystem {
            let node = Int32(i)
            var entry: EntryPoint?
            if let rule = ruleMatcher?.match(f).map({ rules[$0] }) {
                entry = EntryPoint(node: node, kind: rule.kind)
                entry?.label = rule.label
                entry?.untrusted = rule.untrusted
                entry?.configured = true
            } else if f.kind == .initializer {
                entry = EntryPoint(node: node, kind: .initializer)
            } else if f.kind == .function && f.name == "main" && f.linkage == .external {
                entry = EntryPoint(node: node, kind: .main)
            } else if registered[node] != nil {
                entry = EntryPoint(node: node, kind: .httpHandler)
            } else if let route = GRPCService.route(of: node, in: graph, facts: facts) {
                entry = EntryPoint(node: node, kind: .grpcMethod)
                entry?.routes = [route]
            } else if let found = facts.protoMethods[node] {
                // The generated header is missing: the rpc is matched by name against the service's `.proto`.
                entry = EntryPoint(node: node, kind: .grpcMethod)
                entry?.routes = [found.route]
                entry?.routeEvidence = [GRPCService.protoEvidence(route: found.route, rpc: found.rpc, base: found.base)]
            } else if isRootCandidate(f), !facts.frameworkFunctions.contains(node), components[i] >= 0,
                      !calledFromOutside[Int(components[i])] {
                entry = EntryPoint(node: node, kind: facts.publicAPI.contains(node) ? .exported
                                   : facts.addressTaken.contains(node) ? .callback : .root)
            }
            guard var e = entry else { continue }
            if let registrations = registered[node] {
                e.routes = Array(Set(e.routes + registrations.compactMap(\.route))).sorted()
                e.routeEvidence = Array(Set(registrations.compactMap { r in
                    r.routeAsWritten.flatMap { written in r.route.map { "\($0) = \(written)" } }
                })).sorted()
                e.registeredBy = registrations.sorted { $0.location < $1.location }
                    .map { EntryPoint.Registrar(node: $0.registeredBy, location: $0.location) }
            }
            result.append(e)
        }
        return result
    }

    private static func isRootCandidate(_ f: Function) -> Bool {
        switch f.kind {
        case .function, .method, .constructor, .destructor, .conversion: return true
        default: return false
        }
    }

    /// The graph paths are enumerated on: the `lambda` edges that create registered handlers are left out, so
    /// each path through a handler starts at the handler rather than at the function that registered it.
    public static func pathGraph(_ graph: CallGraph, entries: [EntryPoint]) -> CallGraph {
        var hidden = Set<Int32>()
        for e in entries where !e.registeredBy.isEmpty {
            let kind = graph.functions[Int(e.node)].kind
            if kind == .lambda || kind == .block { hidden.insert(e.node) }
        }
        guard !hidden.isEmpty else { return graph }
        var callees = graph.callees
        for n in callees.indices {
            guard callees[n].contains(where: { hidden.contains($0.callee) }) else { continue }
            callees[n] = callees[n].compactMap { edge in
                guard hidden.contains(edge.callee) else { return edge }
                var kept = edge
                kept.sites = edge.sites.filter { $0.kind != .lambda }
                return kept.sites.isEmpty ? nil : kept
            }
        }
        return CallGraph(functions: graph.functions, callees: callees, nameAliases: graph.nameAliases)
    }
}
