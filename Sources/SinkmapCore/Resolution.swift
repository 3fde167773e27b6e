/// The indirect-call facts of a whole program, indexed for `CallGraphBuilder`.
struct Resolution {
    private var overriders: [String: [String]] = [:]
    private var storedInto: [String: Set<String>] = [:]
    private var bySignature: [String: Set<String>] = [:]
    private var signatures: [String: String] = [:]
    private var instantiations: [String: [[String]]] = [:]
    private var byName: [String: [String]] = [:]

    init(functions: [String: FunctionFact], overrides: Set<OverrideFact>, stores: Set<AddressStoreFact>,
         instantiations: Set<InstantiationFact>) {
        for o in overrides { overriders[o.overridden, default: []].append(o.method) }
        for (id, f) in functions {
            if let s = f.signature { signatures[id] = s }
            byName[f.name, default: []].append(id)
        }
        for s in stores {
            if let slot = s.slot { storedInto[slot, default: []].insert(s.function) }
            if let sig = signatures[s.function] { bySignature[sig, default: []].insert(s.function) }
        }
        for i in instantiations { self.instantiations[i.template, default: []].append(i.arguments) }
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

    /// Functions stored into a field, variable or parameter.
    func stored(in slot: String) -> [String] { (storedInto[slot] ?? []).sorted() }

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
}
