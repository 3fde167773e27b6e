import SinkmapCore

/// One step of a flow witness: a value in a function, and where it got there.
public struct FlowStep: Sendable, Equatable {
    /// The function the value lives in.
    public var node: Int32
    /// Its frame on the path; nil for a callee off the path (output followed into a helper).
    public var frame: Int?
    /// The value as shown: `data`, `json::parse(…)`, `argument 2 of llama_decode(…)`, `this->prompt_`.
    public var value: String
    public var location: SourceLocation?
}

/// Untrusted input reaching the sink call's arguments along a path.
public struct SinkFlow: Sendable, Equatable {
    /// Where it comes from: `request` (a handler's request parameter, named), `argv`, `fgets`, `std::cin`, …
    public var source: String
    public var kind: SourceKind
    /// The sink call's arguments it reaches, from 1.
    public var arguments: [Int]
    /// From the source to the sink's argument, frame by frame.
    public var steps: [FlowStep]
}

/// The model's output (the sink call's result, or what it writes through its arguments) reaching a sensitive
/// operation's arguments.
public struct OutputFlow: Sendable, Equatable {
    public var category: OperationCategory
    /// The operation's node (`system`), or the file-writing call's callee.
    public var operation: Int32
    /// The operation's name as called (`system`, `fprintf`).
    public var name: String
    public var steps: [FlowStep]
}

/// Argument-level flow along reported paths ("taint-lite", Docs/threat-context.md): does the request reach the
/// sink's arguments, and does the model's output reach a shell, SQL, a file or the network.
///
/// Inside a frame the flow facts are followed over-approximately: every value an expression mentions flows where
/// the expression goes, a call's result and what it may write (its non-const pointer and reference arguments, a
/// non-const method's object) depend on all its arguments and object, and writing part of an object writes the
/// whole. Across frames only the path's own calls carry taint: an argument to the parameter it is passed to, the
/// object a method runs on to its `this` (field by field when it is the caller's own `this`), a captured local or
/// a global from the earlier frame that wrote it, an item put into a container field to the consumer reading that
/// field (a hand-off), any argument of a thread or `std::async` start to every parameter of what it starts.
public final class ArgumentFlow: @unchecked Sendable {
    private let graph: CallGraph
    private let flows: [Int32: FlowFact]
    private let sources: SourceReads
    private let downstream: Downstream
    private let isProject: [Bool]?
    private var models: [Int32: Model] = [:]
    /// Output followed into a callee off the path: per (node, tainted parameters and object), what it reaches.
    private var calleeOutputs: [String: [Hit]] = [:]
    /// What a frame's seeds reach, per function and seed set: paths share frames (a server's update loop is on
    /// hundreds of paths), and the breadth-first tree depends on nothing else.
    private var reached: [ReachKey: [Int32: (from: Int32, line: Int32, column: Int32)]] = [:]
    struct ReachKey: Hashable { var node: Int32; var seeds: [Int32] }

    /// `state.propagate()`, remembered per function and seed set.
    private func propagate(_ state: FrameState) {
        let key = ReachKey(node: state.node, seeds: state.pred.keys.sorted())
        if let hit = reached[key] { state.pred = hit; return }
        state.propagate()
        reached[key] = state.pred
    }
    public static let maxOutputDepth = Downstream.defaultMaxDepth

    public init(graph: CallGraph, flows: [Int32: FlowFact], sources: SourceReads, downstream: Downstream, isProject: [Bool]?) {
        self.graph = graph
        self.flows = flows
        self.sources = sources
        self.downstream = downstream
        self.isProject = isProject
    }

    // MARK: - A function's flow, indexed

    /// One function's facts as a graph: its values, then one hub per call (arguments and object → hub → result and
    /// what the call may write).
    final class Model {
        let fact: FlowFact
        let node: Int32
        let valueCount: Int
        /// Successors per node (values, then hubs), with the location of the edge (line, column; 0 for none).
        var successors: [[(to: Int32, line: Int32, column: Int32)]]
        var parameters: [Int32: Int32] = [:]
        var this: Int32?
        var fields: [String: [Int32]] = [:]
        var shared: [String: [Int32]] = [:]
        var streams: [Int32] = []
        var closures: [String: Int32] = [:]
        var returned: Int32?
        var argument: [[Int32?]]
        var receiver: [Int32?]
        var result: [Int32?]
        /// Per call: what it may write (its writable arguments' and object's variables).
        var writes: [[Int32]]
        /// Per call: the variables its object is made of.
        var receiverBases: [[Int32]]
        var callsAt: [SourceLocation: [Int]] = [:]
        var targets: [[Int32]] = []
        var predecessors: [[Int32]] = []

        init(_ fact: FlowFact, node: Int32, graph: CallGraph) {
            self.fact = fact
            self.node = node
            valueCount = fact.values.count
            let calls = fact.calls.count
            successors = Array(repeating: [], count: valueCount + calls)
            argument = fact.calls.map { Array(repeating: nil, count: Int(max(0, $0.arguments))) }
            receiver = Array(repeating: nil, count: calls)
            result = Array(repeating: nil, count: calls)
            writes = Array(repeating: [], count: calls)
            receiverBases = Array(repeating: [], count: calls)
            predecessors = [[Int32]](repeating: [], count: valueCount)
            var e = 0
            while e + 3 < fact.edges.count {
                let from = fact.edges[e], to = fact.edges[e + 1]
                if Int(from) < valueCount, Int(to) < valueCount {
                    successors[Int(from)].append((to, fact.edges[e + 2], fact.edges[e + 3]))
                    predecessors[Int(to)].append(from)
                }
                e += 4
            }
            for (i, v) in fact.values.enumerated() {
                let n = Int32(i)
                switch v.kind {
                case .parameter:
                    parameters[v.index] = n
                    shared[v.key, default: []].append(n)
                case .local, .global: shared[v.key, default: []].append(n)
                case .this: this = n
                case .field: fields[v.key, default: []].append(n)
                case .stream: streams.append(n)
                case .closure: closures[v.key] = n
                case .returned: returned = n
                case .argument:
                    let k = Int(v.index)
                    if k < calls {
                        if Int(v.argument) >= argument[k].count { argument[k] += Array(repeating: nil, count: Int(v.argument) + 1 - argument[k].count) }
                        argument[k][Int(v.argument)] = n
                    }
                case .receiver: if Int(v.index) < calls { receiver[Int(v.index)] = n }
                case .result: if Int(v.index) < calls { result[Int(v.index)] = n }
                }
            }
            for (k, call) in fact.calls.enumerated() {
                let hub = Int32(valueCount + k)
                for a in argument[k] { if let a { successors[Int(a)].append((hub, 0, 0)) } }
                if let r = receiver[k] {
                    successors[Int(r)].append((hub, 0, 0))
                    receiverBases[k] = variablesInto(r)
                }
                if let r = result[k] { successors[Int(hub)].append((r, Int32(call.location.line), Int32(call.location.column))) }
                var written: [Int32] = []
                for w in call.writable where Int(w) < argument[k].count {
                    if let a = argument[k][Int(w)] { written += variablesInto(a) }
                }
                if call.receiverWritable { written += receiverBases[k] }
                writes[k] = written
                for w in written { successors[Int(hub)].append((w, Int32(call.location.line), Int32(call.location.column))) }
                callsAt[call.location, default: []].append(k)
            }
            // The whole object reaches each of its fields.
            if let this { for key in fields.keys.sorted() { for f in fields[key]! { successors[Int(this)].append((f, 0, 0)) } } }
            // The callees of each call, from the graph's edges at its place (resolution included).
            var byPlace: [SourceLocation: [Int32]] = [:]
            for edge in graph.callees[Int(node)] {
                for site in edge.sites where byPlace[site.location]?.last != edge.callee { byPlace[site.location, default: []].append(edge.callee) }
            }
            targets = fact.calls.map { byPlace[$0.location] ?? [] }
        }

        /// The calls written at a path's call site to `callee`. Several calls can share a place (`f(x) + req.body`:
        /// `operator+` and `f` both start there); those whose name is the callee's are the ones, when there are any —
        /// otherwise (a lambda run through `operator()`, a callback through the function that takes it) all of them.
        func calls(at site: CallSite, callee: Function) -> [Int] {
            let all = callsAt[site.location] ?? []
            guard all.count > 1 else { return all }
            var simple = Substring(callee.name)
            if let angle = simple.firstIndex(of: "<") { simple = simple[..<angle] }
            if let colons = simple.range(of: "::", options: .backwards) { simple = simple[colons.upperBound...] }
            let named = all.filter { fact.calls[$0].name == simple }
            return named.isEmpty ? all : named
        }

        func isHub(_ n: Int32) -> Bool { Int(n) >= valueCount }
        func call(ofHub n: Int32) -> Int { Int(n) - valueCount }

        /// The variables (locals, parameters, globals, fields, `this`) that flow into value `n`.
        func variablesInto(_ n: Int32) -> [Int32] {
            predecessors[Int(n)].filter {
                switch fact.values[Int($0)].kind {
                case .local, .parameter, .global, .field, .this: return true
                default: return false
                }
            }
        }
    }

    func model(_ node: Int32) -> Model? {
        if let m = models[node] { return m }
        guard let fact = flows[node] else { return nil }
        let m = Model(fact, node: node, graph: graph)
        models[node] = m
        return m
    }

    // MARK: - Taint in one frame

    /// How a value came to be tainted in a frame: from another value of the frame, or from outside it.
    enum Origin {
        case source(String, SourceKind, SourceLocation?)
        /// From a value of an earlier (or, for output, a later or deeper) frame.
        case value(state: Int, node: Int32)
        /// From an opaque frame (no facts) that was given tainted values.
        case opaque(state: Int)
    }

    /// Taint in one frame: per node, the node it came from (-1 for a seed) and the edge's place.
    final class FrameState {
        let model: Model?
        let frame: Int?
        let node: Int32
        var pred: [Int32: (from: Int32, line: Int32, column: Int32)] = [:]
        var origin: [Int32: Origin] = [:]
        /// For a function without facts: whether it was given anything tainted, and from where.
        var opaque: Origin?

        init(model: Model?, frame: Int?, node: Int32) {
            self.model = model
            self.frame = frame
            self.node = node
        }

        func isTainted(_ n: Int32?) -> Bool { n.map { pred[$0] != nil } ?? false }

        /// Tainted, and not only by what `hub` (a call) writes: a call's own arguments do not taint its object, or
        /// its other arguments, before it runs.
        func isTainted(_ n: Int32?, before hub: Int32) -> Bool {
            guard var x = n, pred[x] != nil else { return false }
            var steps = 0
            while let p = pred[x], p.from >= 0, steps < 100_000 {
                if p.from == hub { return false }
                x = p.from
                steps += 1
            }
            return true
        }

        func seed(_ n: Int32, _ o: Origin) {
            guard pred[n] == nil else { return }
            pred[n] = (-1, 0, 0)
            origin[n] = o
        }

        /// Breadth-first from the seeds, so each value keeps a shortest way back to one.
        func propagate() {
            guard let model else { return }
            var queue = Array(pred.keys).sorted()
            var head = 0
            while head < queue.count {
                let n = queue[head]
                head += 1
                for s in model.successors[Int(n)] where pred[s.to] == nil {
                    pred[s.to] = (n, s.line, s.column)
                    queue.append(s.to)
                }
            }
        }
    }

    /// The source seeds of a frame: calls of sources (their result, and what a source writes through its
    /// arguments: `fgets(buf, …)`), calls of functions that read untrusted input themselves (their result), and
    /// `std::cin`.
    private func seedSources(_ state: FrameState) {
        guard let m = state.model else { return }
        if let isProject, !isProject[Int(m.node)] { return }
        for (k, call) in m.fact.calls.enumerated() {
            for t in m.targets[k] {
                guard let read = sources.untrustedResult(of: t) else { continue }
                let o = Origin.source(read.source, read.kind, call.location)
                if let r = m.result[k] { state.seed(r, o) }
                if read.via.count == 1 { for w in m.writes[k] { state.seed(w, o) } }
                break
            }
        }
        for s in m.streams { state.seed(s, .source(m.fact.values[Int(s)].name, .stdin, nil)) }
    }

    // MARK: - Request → sink

    /// Whether untrusted input reaches the sink call's arguments on `path`, with a witness.
    public func sinkFlow(_ path: EnginePath, entry: EntryPoint) -> SinkFlow? {
        guard path.nodes.count >= 2 else { return nil }
        var states: [FrameState] = []
        var shared: [String: (state: Int, node: Int32)] = [:]
        for k in 0..<(path.nodes.count - 1) {
            let node = path.nodes[k]
            let state = FrameState(model: model(node), frame: k, node: node)
            states.append(state)
            if k == 0 { seedEntry(state, entry: entry) } else { cross(from: states[k - 1], to: state, site: path.sites[k - 1]) }
            seedSources(state)
            if let m = state.model {
                for (key, values) in m.shared {
                    if let s = shared[key] { for v in values { state.seed(v, .value(state: s.state, node: s.node)) } }
                }
                inherit(state, frames: states, path: path)
                propagate(state)
                for (key, values) in m.shared {
                    if shared[key] == nil, let v = values.first(where: { state.isTainted($0) }) { shared[key] = (k, v) }
                }
            }
        }
        let last = states[states.count - 1]
        let site = path.sites[path.sites.count - 1]
        guard let m = last.model else {
            guard let o = last.opaque else { return nil }
            return witness(states, from: (last.node, nil), origin: o, arguments: [], sink: path.nodes.last!)
        }
        if site.kind == .endpoint {
            // A hosted-LLM endpoint: what the frame hands to a network call.
            for (k, _) in m.fact.calls.enumerated() where m.targets[k].contains(where: { downstream.category(of: $0) == .network }) {
                if let a = m.argument[k].compactMap({ $0 }).first(where: last.isTainted) {
                    return witness(states, from: (last.node, a), origin: nil, arguments: [], sink: path.nodes.last!)
                }
            }
            return nil
        }
        var reached: [(position: Int, value: Int32)] = []
        for k in m.calls(at: site, callee: graph.functions[Int(path.nodes.last!)]) {
            let hub = Int32(m.valueCount + k)
            for (i, a) in m.argument[k].enumerated() { if let a, last.isTainted(a, before: hub) { reached.append((i + 1, a)) } }
        }
        // The first argument of a C API is usually its handle (`llama_decode(ctx, batch)`): a later one is the better witness.
        guard let best = (reached.first { $0.position > 1 } ?? reached.first)?.value else { return nil }
        let tainted = Array(Set(reached.map(\.position))).sorted()
        return witness(states, from: (last.node, best), origin: nil, arguments: tainted.sorted(), sink: path.nodes.last!)
    }

    /// What the entry point receives: a handler's request parameter (every parameter when none is named like a
    /// request), `main`'s parameters (argv), a configured untrusted entry point's parameters.
    private func seedEntry(_ state: FrameState, entry: EntryPoint) {
        guard let m = state.model else { return }
        let f = graph.functions[Int(state.node)]
        let params = m.fact.parameters
        var chosen: [Int] = []
        let source: String, kind: SourceKind
        if entry.kind.receivesRequests {
            chosen = params.indices.filter { params[$0].request }
            if chosen.isEmpty { chosen = Array(params.indices) }
            source = "request"
            kind = entry.kind == .grpcMethod ? .rpcRequest : .httpRequest
        } else if entry.kind == .main && f.name == "main" {
            chosen = Array(params.indices)
            source = "argv"
            kind = .commandLine
        } else if entry.untrusted {
            chosen = Array(params.indices)
            source = "arguments"
            kind = .other
        } else {
            return
        }
        for i in chosen {
            if let v = m.parameters[Int32(i)] {
                state.seed(v, .source(source, kind, f.location))
            }
        }
    }

    /// A lambda's frame sees what its enclosing function's frame (earlier on the path) tainted in `this` and its fields.
    private func inherit(_ state: FrameState, frames: [FrameState], path: EnginePath) {
        guard let m = state.model, let enclosing = m.fact.enclosing, let outerNode = graph.node(enclosing),
              let outerIndex = frames.firstIndex(where: { $0.node == outerNode }), outerIndex < frames.count - 1 else { return }
        let outer = frames[outerIndex]
        guard let om = outer.model else { return }
        if let t = m.this, let ot = om.this, outer.isTainted(ot) { state.seed(t, .value(state: outerIndex, node: ot)) }
        for (key, values) in m.fields {
            if let o = om.fields[key]?.first(where: outer.isTainted) { for v in values { state.seed(v, .value(state: outerIndex, node: o)) } }
        }
    }

    /// Seeds frame `to` from what frame `from` passes over the path's call `site`.
    private func cross(from: FrameState, to: FrameState, site: CallSite) {
        let fromIndex = from.frame!
        guard let fm = from.model else {
            // A function without facts (a library's): what it was given, it may pass on.
            if from.opaque != nil {
                to.opaque = .opaque(state: fromIndex)
                if let tm = to.model {
                    for v in tm.parameters.values { to.seed(v, .opaque(state: fromIndex)) }
                    if let t = tm.this { to.seed(t, .opaque(state: fromIndex)) }
                }
            }
            return
        }
        let calls = fm.calls(at: site, callee: graph.functions[Int(to.node)])
        let tm = to.model
        let calleeIsLambda = { () -> Bool in
            let kind = self.graph.functions[Int(to.node)].kind
            return kind == .lambda || kind == .block
        }()
        switch site.kind {
        case .lambda:
            // A lambda created here runs later with arguments we do not see: if the call it is handed to is given
            // anything tainted, so may the lambda be.
            guard let tm, let closure = fm.closures["\(site.location.line):\(site.location.column)"] else { return }
            for s in fm.successors[Int(closure)] {
                let v = fm.fact.values[Int(s.to)]
                guard v.kind == .argument else { continue }
                let k = Int(v.index)
                let others = fm.argument[k].compactMap { $0 }.filter { $0 != s.to } + [fm.receiver[k]].compactMap { $0 }
                if let t = others.first(where: from.isTainted) {
                    for p in tm.parameters.values { to.seed(p, .value(state: fromIndex, node: t)) }
                }
            }
        case .handoff:
            // The item put into the container field is what the consumer takes out of it.
            for k in calls {
                let given = fm.argument[k].compactMap { $0 }
                guard let t = given.first(where: from.isTainted) else { continue }
                for b in fm.receiverBases[k] where fm.fact.values[Int(b)].kind == .field {
                    if let taken = tm?.fields[fm.fact.values[Int(b)].key], !taken.isEmpty {
                        for v in taken { to.seed(v, .value(state: fromIndex, node: t)) }
                    } else if let this = tm?.this {
                        // A method that drains the queue through another (`update_slots` calling `process_tasks`): the
                        // item is in its object's state.
                        to.seed(this, .value(state: fromIndex, node: t))
                    }
                }
            }
        case .async:
            for k in calls {
                let given = fm.argument[k].compactMap { $0 } + [fm.receiver[k]].compactMap { $0 }
                guard let t = given.first(where: from.isTainted) else { continue }
                if let tm { for p in tm.parameters.values { to.seed(p, .value(state: fromIndex, node: t)) } }
                to.opaque = to.opaque ?? .value(state: fromIndex, node: t)
            }
        default:
            for k in calls {
                let args = fm.argument[k]
                if let tm {
                    for (i, a) in args.enumerated() {
                        guard let a, from.isTainted(a, before: Int32(fm.valueCount + k)), let p = tm.parameters[Int32(i)] else { continue }
                        to.seed(p, .value(state: fromIndex, node: a))
                    }
                } else if let a = args.compactMap({ $0 }).first(where: from.isTainted) {
                    to.opaque = .value(state: fromIndex, node: a)
                }
                guard !calleeIsLambda, let r = fm.receiver[k] else { continue }
                let bases = fm.receiverBases[k]
                if let ft = fm.this, bases == [ft], let tm {
                    // The caller's own object: field by field.
                    if let tt = tm.this, from.isTainted(ft) { to.seed(tt, .value(state: fromIndex, node: ft)) }
                    for (key, values) in tm.fields {
                        if let o = fm.fields[key]?.first(where: from.isTainted) { for v in values { to.seed(v, .value(state: fromIndex, node: o)) } }
                    }
                } else if from.isTainted(r, before: Int32(fm.valueCount + k)) {
                    if let tt = tm?.this { to.seed(tt, .value(state: fromIndex, node: r)) } else if tm == nil { to.opaque = .value(state: fromIndex, node: r) }
                }
            }
            // A call the facts do not show at this place (an implicit one): nothing crosses but shared state.
        }
    }

    // MARK: - Witnesses

    /// The chain back from `start` in the last frame (or the last frame's opaque origin) to a source.
    private func witness(_ states: [FrameState], from start: (node: Int32, value: Int32?), origin: Origin?, arguments: [Int],
                         sink: Int32) -> SinkFlow? {
        var steps: [FlowStep] = []
        var stateIndex = states.count - 1
        var current = start.value
        var pendingOrigin = origin
        var guardCount = 0
        while guardCount < 10_000 {
            guardCount += 1
            let state = states[stateIndex]
            var o: Origin?
            if let c = current, state.model != nil {
                let (frameSteps, seed) = frameSteps(state, to: c) { s in
                    s == stateIndex - 1 ? nil : self.graph.functions[Int(states[s].node)].displayName
                }
                o = state.origin[seed]
                steps = frameSteps + steps
            } else {
                o = pendingOrigin ?? state.opaque
                steps.insert(FlowStep(node: state.node, frame: state.frame, value: "(not analysed: what it is given, it may pass on)",
                                      location: graph.functions[Int(state.node)].location), at: 0)
            }
            pendingOrigin = nil
            switch o {
            case .source(let name, let kind, _)?:
                return SinkFlow(source: name, kind: kind, arguments: arguments, steps: steps)
            case .value(let s, let node)?:
                stateIndex = s
                current = node
            case .opaque(let s)?:
                stateIndex = s
                current = nil
                pendingOrigin = states[s].opaque
            case nil:
                return nil
            }
        }
        return nil
    }

    /// The witness steps in one frame, from the seed the chain back from `value` ends at; and that seed.
    /// `sharedFrom`: for a seed taken from another frame's state (a captured local, a global), that frame's function
    /// when it is not the frame just before.
    private func frameSteps(_ state: FrameState, to value: Int32, sharedFrom: (Int) -> String? = { _ in nil }) -> ([FlowStep], Int32) {
        guard let m = state.model else { return ([], value) }
        var chain: [Int32] = []
        var n = value
        var seen = Set<Int32>()
        while let p = state.pred[n], seen.insert(n).inserted {
            chain.append(n)
            if p.from < 0 { break }
            n = p.from
        }
        var out: [FlowStep] = []
        for (i, v) in chain.reversed().enumerated() {
            guard var shown = show(m, v, last: i == chain.count - 1, first: i == 0) else { continue }
            let p = state.pred[v]!
            var location: SourceLocation?
            if p.line > 0 { location = SourceLocation(file: m.fact.file, line: Int(p.line), column: Int(p.column)) }
            if p.from < 0 {
                switch state.origin[v] {
                case .source(_, _, let l)?:
                    location = l
                case .value(let s, _)?:
                    let seed = m.fact.values[Int(v)]
                    location = seed.kind == .result && Int(seed.index) < m.fact.calls.count ? m.fact.calls[Int(seed.index)].location
                        : graph.functions[Int(state.node)].location
                    if m.fact.values[Int(v)].kind != .parameter, let other = sharedFrom(s) { shown += " (as \(other) left it)" }
                default:
                    location = graph.functions[Int(state.node)].location
                }
            } else if m.isHub(p.from), m.result[m.call(ofHub: p.from)] != v {
                shown += " (written by \(m.fact.calls[m.call(ofHub: p.from)].name)(…))"
            }
            out.append(FlowStep(node: state.node, frame: state.frame, value: shown, location: location))
        }
        return (out, n)
    }

    /// How a value of a witness is shown; nil leaves it out (hubs; arguments and objects unless a frame's last).
    private func show(_ m: Model, _ n: Int32, last: Bool, first: Bool) -> String? {
        if m.isHub(n) { return nil }
        let v = m.fact.values[Int(n)]
        switch v.kind {
        case .local, .global, .stream: return v.name
        case .parameter: return first ? "\(v.name) (parameter \(v.index + 1))" : v.name
        case .field: return "this->\(v.name)"
        case .this: return "this"
        case .result: return "\(v.name)(…)"
        case .argument: return last ? "argument \(v.argument + 1) of \(v.name)(…)" : nil
        case .receiver: return last ? "object of \(v.name)(…)" : nil
        case .returned: return "return"
        case .closure: return v.name
        }
    }

    // MARK: - Model output → operations

    /// Where the sink call's output (its result, what it writes through its arguments and object) goes: up the path's
    /// frames through return values, writable parameters and `this`, and into each frame's other calls (up to
    /// `maxOutputDepth` calls deep), to the arguments of a shell, SQL, file or network call.
    public func outputFlows(_ path: EnginePath) -> [OutputFlow] {
        guard path.nodes.count >= 2 else { return [] }
        var out: [Hit] = []
        var best: [String: Int] = [:]
        var ordered: [FrameState] = []
        var shared: [String: (state: Int, node: Int32)] = [:]
        var k = path.nodes.count - 2
        var previous: FrameState?
        while k >= 0 {
            let node = path.nodes[k]
            if let isProject, !isProject[Int(node)] { break }
            guard let m = model(node) else { break }
            let state = FrameState(model: m, frame: k, node: node)
            let index = ordered.count
            ordered.append(state)
            let site = path.sites[k]
            let siteCalls = m.calls(at: site, callee: graph.functions[Int(path.nodes[k + 1])])
            if let previous, let pm = previous.model {
                // What the callee hands back: its return value, what it wrote through its parameters or its object.
                let pIndex = index - 1
                for c in siteCalls {
                    if let r = pm.returned, previous.isTainted(r), let res = m.result[c] { state.seed(res, .value(state: pIndex, node: r)) }
                    for (i, p) in pm.fact.parameters.enumerated() where p.writable {
                        guard let pv = pm.parameters[Int32(i)], previous.isTainted(pv), i < m.argument[c].count, let a = m.argument[c][i] else { continue }
                        for b in m.variablesInto(a) { state.seed(b, .value(state: pIndex, node: pv)) }
                    }
                    let calleeObject = pm.this.flatMap { previous.isTainted($0) ? $0 : nil }
                        ?? pm.fields.keys.sorted().lazy.compactMap { pm.fields[$0]!.first(where: previous.isTainted) }.first
                    if let o = calleeObject {
                        for b in m.receiverBases[c] { state.seed(b, .value(state: pIndex, node: o)) }
                    }
                }
            } else {
                // The sink call itself.
                for c in siteCalls {
                    let o = Origin.source("output of \(m.fact.calls[c].name)", .other, m.fact.calls[c].location)
                    if let r = m.result[c] { state.seed(r, o) }
                    for w in m.writes[c] { state.seed(w, o) }
                }
            }
            for (key, values) in m.shared {
                if let s = shared[key] { for v in values { state.seed(v, .value(state: s.state, node: s.node)) } }
            }
            if state.pred.isEmpty && previous == nil { return [] }
            propagate(state)
            for (key, values) in m.shared {
                if shared[key] == nil, let v = values.first(where: { state.isTainted($0) }) { shared[key] = (index, v) }
            }
            // The frame's own calls that take the output (the path's call excepted).
            let here = operationsTaking(state, skip: Set(siteCalls), depth: Self.maxOutputDepth - 1) { [ordered] v in
                self.outputSteps(ordered, state: index, value: v)
            }
            for h in here {
                let key = "\(h.category.rawValue)\u{0}\(h.operation)"
                if let i = best[key] {
                    if (h.score, h.steps.count) < (out[i].score, out[i].steps.count) { out[i] = h }
                } else {
                    best[key] = out.count
                    out.append(h)
                }
            }
            previous = state
            k -= 1
        }
        return out.map { OutputFlow(category: $0.category, operation: $0.operation, name: $0.name, steps: $0.steps) }
            .sorted { ($0.category.rawValue, $0.name) < ($1.category.rawValue, $1.name) }
    }

    /// The output's chain in the path's frames (the sink's caller first), ending at `value` in `ordered[state]`.
    private func outputSteps(_ ordered: [FrameState], state: Int, value: Int32) -> [FlowStep] {
        var steps: [FlowStep] = []
        var s = state
        var current = value
        var guardCount = 0
        while guardCount < 1000 {
            guardCount += 1
            let st = ordered[s]
            guard st.model != nil else { break }
            let (frameSteps, n) = frameSteps(st, to: current)
            var seedStep: [FlowStep] = []
            if case .source(let what, _, let l)? = st.origin[n], st.model?.fact.values[Int(n)].kind != .result {
                seedStep = [FlowStep(node: st.node, frame: st.frame, value: what, location: l)]
            }
            steps = seedStep + frameSteps + steps
            guard case .value(let prev, let node)? = st.origin[n] else { break }
            s = prev
            current = node
        }
        return steps
    }

    /// One way the output reaches an operation: the operation, the witness, and how good a witness it is (0: through
    /// a data argument, 1: only through the first argument or the object, usually a handle).
    struct Hit {
        var category: OperationCategory
        var operation: Int32
        var name: String
        var steps: [FlowStep]
        var score: Int
    }

    /// The calls of a frame that take the output — by an argument or their object tainted before the call itself
    /// writes anything: sensitive operations, file writes, and helpers followed into (`depth` more calls).
    private func operationsTaking(_ state: FrameState, skip: Set<Int>, depth: Int, stepsTo: (Int32) -> [FlowStep]) -> [Hit] {
        guard let m = state.model else { return [] }
        var out: [Hit] = []
        for (c, call) in m.fact.calls.enumerated() where !skip.contains(c) {
            let hub = Int32(m.valueCount + c)
            let tainted: [(position: Int, value: Int32)] = m.argument[c].enumerated().compactMap { i, a in
                guard let a, state.isTainted(a, before: hub) else { return nil }
                return (i, a)
            }
            let objectTainted = state.isTainted(m.receiver[c], before: hub)
            guard !tainted.isEmpty || objectTainted else { continue }
            let chosen = tainted.first { $0.position > 0 } ?? tainted.first
            guard let value = chosen?.value ?? m.receiver[c] else { continue }
            let score = (chosen?.position ?? 0) > 0 ? 0 : 1
            var hit = false
            for target in m.targets[c] {
                guard let category = downstream.category(of: target), category != .dynamicLoad else { continue }
                out.append(Hit(category: category, operation: target, name: graph.functions[Int(target)].displayName,
                               steps: stepsTo(value), score: score))
                hit = true
            }
            if !hit && call.writesFile {
                let target = m.targets[c].first
                out.append(Hit(category: .file, operation: target ?? m.node, name: target.map { graph.functions[Int($0)].displayName } ?? call.name,
                               steps: stepsTo(value), score: score))
                hit = true
            }
            guard !hit, depth > 0 else { continue }
            for target in m.targets[c] where target != m.node && !downstream.isCrashHandler(target) {
                if let isProject, !isProject[Int(target)] { continue }
                guard let cm = model(target) else { continue }
                let hits = followCallee(cm, parameters: tainted.map { Int32($0.position) }, object: objectTainted, depth: depth - 1)
                if hits.isEmpty { continue }
                let prefix = stepsTo(value)
                for h in hits { out.append(Hit(category: h.category, operation: h.operation, name: h.name, steps: prefix + h.steps, score: h.score)) }
            }
        }
        return out
    }

    /// A helper off the path given the output in some parameters (and its object): the operations it hands it to,
    /// itself or through `depth` more helpers.
    private func followCallee(_ m: Model, parameters: [Int32], object: Bool, depth: Int) -> [Hit] {
        let key = "\(m.node)\u{0}\(parameters)\u{0}\(object)\u{0}\(depth)"
        if let hit = calleeOutputs[key] { return hit }
        calleeOutputs[key] = []
        let state = FrameState(model: m, frame: nil, node: m.node)
        let at = graph.functions[Int(m.node)].location
        for p in parameters { if let v = m.parameters[p] { state.seed(v, .source("", .other, at)) } }
        if object, let t = m.this { state.seed(t, .source("", .other, at)) }
        state.propagate()
        let out = operationsTaking(state, skip: [], depth: depth) { self.frameSteps(state, to: $0).0 }
        calleeOutputs[key] = out
        return out
    }
}
