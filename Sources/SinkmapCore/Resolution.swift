/// The indirect-call facts of a whole program, indexed for `CallGraphBuilder`.
struct Resolution {
    /// A function stored into a slot, with where it was bound (the earliest place, when several).
    struct Binding: Hashable {
        var function: String
        var location: SourceLocation?
    }

    private var overriders: [String: [String]] = [:]
    private var storedInto: [String: [String: SourceLocation?]] = [:]
    private var flowsInto: [String: Set<String>] = [:]
    private var bySignature: [String: Set<String>] = [:]
    private var signatures: [String: String] = [:]
    private var instantiations: [String: [[String]]] = [:]
    private var byName: [String: [String]] = [:]
    private var producers: [String: [ContainerAccessFact]] = [:]
    private var consumers: [String: [ContainerAccessFact]] = [:]

    init(functions: [String: FunctionFact], overrides: Set<OverrideFact>, stores: Set<AddressStoreFact>,
         instantiations: Set<InstantiationFact>, flows: Set<SlotFlowFact> = [], containers: Set<ContainerAccessFact> = []) {
        for o in overrides { overriders[o.overridden, default: []].append(o.method) }
        for (id, f) in functions {
            if let s = f.signature { signatures[id] = s }
            byName[f.name, default: []].append(id)
        }
        for s in stores {
            if let slot = s.slot {
                var bound = storedInto[slot, default: [:]]
                if let existing = bound[s.function] {
                    if let l = s.location, existing.map({ l < $0 }) ?? true { bound[s.function] = l }
                } else {
                    bound[s.function] = s.location
                }
                storedInto[slot] = bound
            }
            if let sig = signatures[s.function] { bySignature[sig, default: []].insert(s.function) }
        }
        for f in flows where f.from != f.to { flowsInto[f.to, default: []].insert(f.from) }
        for i in instantiations { self.instantiations[i.template, default: []].append(i.arguments) }
        for c in containers.sorted(by: { ($0.container, $0.function, $0.location) < ($1.container, $1.function, $1.location) }) {
            switch c.role {
            case .produce: producers[c.container, default: []].append(c)
            case .consume: consumers[c.container, default: []].append(c)
            }
        }
    }

    /// Every method overriding `method`, directly or through intermediate classes, sorted.
    func overriders(of method: String) -> [String] {
        var seen = Set<String>()
        var work = [method]
        while let m = work.popLast() {
            for o in overriders[m] ?? [] where seen.insert(o).inserted { work.append(o) }
        }
        return seen.sorted()
    }

    /// Functions stored into a field, variable or parameter — directly, or into a slot whose contents flow
    /// there (parameter → field, local → parameter, container → local), sorted by function id.
    func bindings(_ slot: String) -> [Binding] {
        var found: [String: SourceLocation?] = [:]
        var seen: Set<String> = [slot]
        var work = [slot]
        while let s = work.popLast() {
            for (function, location) in storedInto[s] ?? [:] {
                if let existing = found[function] {
                    if let l = location, existing.map({ l < $0 }) ?? true { found[function] = l }
                } else {
                    found[function] = location
                }
            }
            for from in flowsInto[s] ?? [] where seen.insert(from).inserted { work.append(from) }
        }
        return found.keys.sorted().map { Binding(function: $0, location: found[$0]!) }
    }

    /// Functions stored into a field, variable or parameter (see `bindings`).
    func stored(in slot: String) -> [String] { bindings(slot).map(\.function) }

    /// A call through a pointer variable or parameter: what was stored there, else every address-taken
    /// function of the same type.
    func pointerTargets(_ variable: String) -> [String] {
        let direct = stored(in: variable)
        if !direct.isEmpty { return direct }
        guard let sig = signatures[variable] else { return [] }
        return (bySignature[sig] ?? []).sorted()
    }

    /// `Arg::member` for each instantiation of the caller's template, when such a function exists.
    func templateTargets(_ d: DependentCallFact) -> [String] {
        var out = Set<String>()
        for args in instantiations[d.caller] ?? [] where d.parameterIndex < args.count {
            for id in byName["\(args[d.parameterIndex])::\(d.member)"] ?? [] { out.insert(id) }
        }
        return out.sorted()
    }

    /// Producer → consumer pairs through each container field: every function that puts items into the field
    /// reaches every other function that takes them out. The producer's access is the call site; the
    /// consumer's first access is the evidence.
    func handoffs() -> [(producer: ContainerAccessFact, consumer: ContainerAccessFact)] {
        var out: [(ContainerAccessFact, ContainerAccessFact)] = []
        for container in producers.keys.sorted() {
            guard let takers = consumers[container] else { continue }
            var firstTake: [String: ContainerAccessFact] = [:]
            for t in takers where firstTake[t.function] == nil { firstTake[t.function] = t }
            var firstPut: [String: ContainerAccessFact] = [:]
            for p in producers[container]! where firstPut[p.function] == nil { firstPut[p.function] = p }
            for p in firstPut.keys.sorted() {
                for c in firstTake.keys.sorted() where c != p { out.append((firstPut[p]!, firstTake[c]!)) }
            }
        }
        return out
    }
}
