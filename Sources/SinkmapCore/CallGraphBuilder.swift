/// Merges the facts of many translation units into one `CallGraph`, then resolves what the syntax alone does
/// not say: virtual calls to every override, calls through function pointers to the functions stored there,
/// dependent calls in templates to the instantiations used, calls of stored callables to what was bound into
/// their slot, lambda objects to their lambda, producers to consumers of a container field. Input order does not matter: everything is
/// deduplicated and sorted.
public struct CallGraphBuilder {
    private var functions: [String: FunctionFact] = [:]
    private var calls: Set<CallFact> = []
    private var overrides: Set<OverrideFact> = []
    private var stores: Set<AddressStoreFact> = []
    private var aliases: Set<NameAliasFact> = []
    private var instantiations: Set<InstantiationFact> = []
    private var dependentCalls: Set<DependentCallFact> = []
    private var flows: Set<SlotFlowFact> = []
    private var containers: Set<ContainerAccessFact> = []
    private var endpointFlows: Set<EndpointFlowFact> = []

    public init() {}

    public mutating func add(_ unit: TranslationUnitFacts) {
        for f in unit.functions { add(f) }
        calls.formUnion(unit.calls)
        overrides.formUnion(unit.overrides)
        stores.formUnion(unit.addressStores)
        aliases.formUnion(unit.aliases)
        instantiations.formUnion(unit.instantiations)
        dependentCalls.formUnion(unit.dependentCalls)
        flows.formUnion(unit.slotFlows)
        containers.formUnion(unit.containerAccesses)
        endpointFlows.formUnion(unit.endpointFlows)
    }

    public mutating func add(_ fact: FunctionFact) {
        guard let existing = functions[fact.id] else { functions[fact.id] = fact; return }
        // A definition beats a declaration; among equals the smallest location wins so the result is stable.
        var best = existing
        if fact.isDefinition && !existing.isDefinition {
            best = fact
        } else if fact.isDefinition == existing.isDefinition, let a = fact.location, let b = existing.location, a < b {
            best = fact
        }
        if best.signature == nil { best.signature = fact.signature ?? existing.signature }
        functions[fact.id] = best
    }

    public mutating func add(_ call: CallFact) { calls.insert(call) }
    public mutating func add(_ fact: OverrideFact) { overrides.insert(fact) }
    public mutating func add(_ fact: AddressStoreFact) { stores.insert(fact) }

    public func build() -> CallGraph {
        var all = functions
        func ensure(_ id: String) {
            if all[id] == nil {
                all[id] = FunctionFact(id: id, name: FunctionID.unresolvedName(id) ?? id, kind: .unresolved,
                                       linkage: .none, location: nil, isDefinition: false)
            }
        }
        // A lambda object called where its type is known: the lambda written at that place, in whichever unit.
        var lambdaAt: [String: String] = [:]
        for f in functions.values.sorted(by: { $0.id < $1.id }) where f.kind == .lambda || f.kind == .block {
            if let l = f.location, lambdaAt[FunctionID.closure(at: l)] == nil { lambdaAt[FunctionID.closure(at: l)] = f.id }
        }
        var allCalls: [CallFact] = []
        allCalls.reserveCapacity(calls.count)
        for var c in calls {
            if c.callee.hasPrefix("lambda-at:") {
                guard let lambda = lambdaAt[c.callee] else { continue }
                c.callee = lambda
            }
            allCalls.append(c)
        }
        for c in allCalls { ensure(c.caller); ensure(c.callee) }
        for d in dependentCalls { ensure(d.caller) }
        for a in containers { ensure(a.function) }
        // Hosted-LLM URLs (see `EndpointFlowFact`). A value is *sent* where it is used, or handed to a library
        // function, or put into a parameter or local that is itself sent further down (a carrier): the function
        // that took it from where it was written or stored — a literal, a field, a global, a result — is the one
        // that calls the endpoint. Stores and flows join the callables' (string slots and callable slots never meet).
        var valueStores = stores
        var valueFlows = flows
        func inProject(_ id: String) -> Bool { all[id].map { $0.isDefinition && !$0.isSystem } ?? false }
        let orderedFlows = endpointFlows.sorted {
            ($0.function, $0.location, $0.url ?? "", $0.slot ?? "", $0.to ?? "") < ($1.function, $1.location, $1.url ?? "", $1.slot ?? "", $1.to ?? "")
        }
        func isUse(_ e: EndpointFlowFact) -> Bool { e.to == nil || !(e.toFunction.map(inProject) ?? true) }
        var sendingCarriers = Set<String>()
        var carrierInto: [String: [String]] = [:]
        for e in orderedFlows {
            guard let from = e.slot, FunctionID.isCarrier(from) else { continue }
            if isUse(e) { sendingCarriers.insert(from) } else if let to = e.to, FunctionID.isCarrier(to) { carrierInto[to, default: []].append(from) }
        }
        var work = Array(sendingCarriers)
        while let c = work.popLast() {
            for from in carrierInto[c] ?? [] where sendingCarriers.insert(from).inserted { work.append(from) }
        }
        var sends: [EndpointFlowFact] = []
        for e in orderedFlows {
            if let to = e.to, !isUse(e) {
                if let url = e.url { valueStores.insert(AddressStoreFact(function: FunctionID.endpoint(url: url), slot: to, location: e.location)) }
                if let from = e.slot { valueFlows.insert(SlotFlowFact(from: from, to: to)) }
            }
            if e.slot.map(FunctionID.isCarrier) == true { continue }
            if isUse(e) || e.to.map({ sendingCarriers.contains($0) }) == true {
                var sender = e
                // A default argument is written in a declaration: its function sends it.
                if sender.function.isEmpty || e.to.flatMap(FunctionID.parameterOwner) == sender.function && e.url != nil {
                    guard let owner = e.to.flatMap(FunctionID.parameterOwner) else { continue }
                    sender.function = owner
                }
                sends.append(sender)
            }
        }
        let resolved = Resolution(functions: all, overrides: overrides, stores: valueStores,
                                  instantiations: instantiations, flows: valueFlows, containers: containers)
        var endpointCalls: [(CallFact, CallEvidence?)] = []
        for u in sends {
            if let url = u.url {
                endpointCalls.append((CallFact(caller: u.function, callee: FunctionID.endpoint(url: url), location: u.location, kind: .endpoint), nil))
            } else if let slot = u.slot {
                for b in resolved.bindings(slot) where b.function.hasPrefix("url:") {
                    endpointCalls.append((CallFact(caller: u.function, callee: b.function, location: u.location, kind: .endpoint),
                                          b.location.map { CallEvidence(slot: u.slotName ?? slot, location: $0) }))
                }
            }
        }
        for (c, _) in endpointCalls {
            ensure(c.caller)
            if all[c.callee] == nil {
                let url = String(c.callee.dropFirst(4))
                all[c.callee] = FunctionFact(id: c.callee, name: url, kind: .endpoint, linkage: .none, location: nil, isDefinition: false)
            }
        }
        for d in dependentCalls.sorted(by: { ($0.caller, $0.location) < ($1.caller, $1.location) }) {
            let targets = resolved.templateTargets(d)
            if targets.isEmpty {
                // A member of a value of dependent type: never a free function that happens to share its name.
                let id = FunctionID.unresolvedMember(name: d.member)
                ensure(id)
                allCalls.append(CallFact(caller: d.caller, callee: id, location: d.location, kind: .unresolved, macro: d.macro))
            }
            for t in targets {
                allCalls.append(CallFact(caller: d.caller, callee: t, location: d.location, kind: .template, macro: d.macro))
            }
        }

        // Slots (variables, parameters, fields) are recorded wherever a callable may go; one that no call goes
        // through is not a node. Their names stay available for evidence.
        let named = all
        var used = Set<String>()
        for c in allCalls { used.insert(c.caller); used.insert(c.callee) }
        for (c, _) in endpointCalls { used.insert(c.caller); used.insert(c.callee) }
        let sorted = all.values.filter { ($0.kind != .variable && $0.kind != .field) || used.contains($0.id) }.sorted { $0.id < $1.id }
        var index = [String: Int32](minimumCapacity: sorted.count)
        for (i, f) in sorted.enumerated() { index[f.id] = Int32(i) }

        // An unresolved name that exactly matches one defined external function is that function.
        var definedByName: [String: [Int32]] = [:]
        for (i, f) in sorted.enumerated() where f.isDefinition && f.linkage == .external {
            definedByName[f.name, default: []].append(Int32(i))
        }
        func node(_ id: String) -> Int32 {
            let i = index[id]!
            let f = sorted[Int(i)]
            if f.kind == .unresolved, FunctionID.bindsByName(f.id), let hits = definedByName[f.name], hits.count == 1 { return hits[0] }
            return i
        }

        var edges = [[Int32: [CallSite]]](repeating: [:], count: sorted.count)
        var aliasesByNode = [Set<String>](repeating: [], count: sorted.count)
        func addEdge(_ from: String, _ to: String, _ c: CallFact, _ kind: CallKind, evidence: CallEvidence? = nil) {
            guard let toIndex = index[to] else { return }
            let target = sorted[Int(toIndex)].kind == .unresolved ? node(to) : toIndex
            edges[Int(index[from]!)][target, default: []].append(CallSite(location: c.location, kind: kind, macro: c.macro,
                                                                          evidence: evidence, constantArguments: c.constantArguments))
        }
        func slotName(_ slot: String) -> String { named[slot]?.name ?? slot }
        for c in allCalls {
            if let written = c.writtenAs, let i = index[c.callee] { aliasesByNode[Int(i)].insert(written) }
            switch c.kind {
            case .virtual:
                addEdge(c.caller, c.callee, c, .virtual)
                for o in resolved.overriders(of: c.callee) { addEdge(c.caller, o, c, .virtual) }
            case .field:
                addEdge(c.caller, c.callee, c, .field)
                for t in resolved.stored(in: c.callee) { addEdge(c.caller, t, c, .pointer) }
            case .pointer:
                let targets = resolved.pointerTargets(c.callee)
                if targets.isEmpty { addEdge(c.caller, c.callee, c, .pointer) }
                for t in targets { addEdge(c.caller, t, c, .pointer) }
            case .storedCallback:
                // Keyed on the slot (class + field, or the variable), never on the callable's type alone: with
                // nothing bound there, the call has no edge.
                for b in resolved.bindings(c.callee) {
                    addEdge(c.caller, b.function, c, .storedCallback,
                            evidence: b.location.map { CallEvidence(slot: slotName(c.callee), location: $0) })
                }
            default:
                addEdge(c.caller, c.callee, c, c.kind)
            }
        }
        for (c, evidence) in endpointCalls { addEdge(c.caller, c.callee, c, .endpoint, evidence: evidence) }
        // A consumer drained by another method of the queue's class (`update_slots() { process_tasks(); …
        // llama_decode(…); }`, nitro's server): the work the item starts goes on in that method after the call, so the
        // producer reaches the draining method too (evidence: where it calls the consumer). Methods of other classes
        // calling the consumer are not its loop.
        var directCallers: [String: [CallFact]] = [:]
        for c in allCalls where c.kind == .direct { directCallers[c.callee, default: []].append(c) }
        for (producer, consumer) in resolved.handoffs() {
            let c = CallFact(caller: producer.function, callee: consumer.function, location: producer.location, kind: .handoff)
            let field = slotName(producer.container)
            addEdge(c.caller, c.callee, c, .handoff, evidence: CallEvidence(slot: field, location: consumer.location))
            guard let cut = field.range(of: "::", options: .backwards) else { continue }
            let owner = field[..<cut.lowerBound] + "::"
            var drained = Set<String>()
            for d in (directCallers[consumer.function] ?? []).sorted(by: { ($0.caller, $0.location) < ($1.caller, $1.location) })
            where d.caller != producer.function && d.caller != consumer.function && drained.insert(d.caller).inserted {
                guard let name = named[d.caller]?.name, name.hasPrefix(owner),
                      !name.dropFirst(owner.count).contains(":") else { continue }
                addEdge(producer.function, d.caller, c, .handoff, evidence: CallEvidence(slot: field, location: d.location))
            }
        }
        let callees: [[CallEdge]] = edges.map { byCallee in
            byCallee.keys.sorted().map { callee in
                var seen = Set<CallSite>()
                let sites = byCallee[callee]!.filter { seen.insert($0).inserted }
                    .sorted { ($0.location, $0.kind) < ($1.location, $1.kind) }
                return CallEdge(callee: callee, sites: sites)
            }
        }
        var nodes = sorted.map(Function.init)
        // Several programs in one tree: each `main` is shown with its file.
        let mains = nodes.indices.filter { nodes[$0].name == "main" && nodes[$0].kind == .function && nodes[$0].isDefinition && nodes[$0].linkage == .external }
        if mains.count > 1 { for i in mains { nodes[i].showsFile = true } }
        // One program's copy of a function several programs define (`ProgramSeparation`): shown with its file too.
        for i in nodes.indices where nodes[i].linkage == .external && !(nodes[i].name == "main" && nodes[i].kind == .function) {
            if let file = nodes[i].location?.file, nodes[i].id.hasSuffix("@" + FunctionID.escaped(file)) { nodes[i].showsFile = true }
        }
        for i in nodes.indices { nodes[i].aliases = aliasesByNode[i].subtracting([nodes[i].name]).sorted() }
        return CallGraph(functions: nodes, callees: callees, nameAliases: NameAliases(Array(aliases)))
    }
}
