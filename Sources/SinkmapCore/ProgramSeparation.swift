/// Several programs in one tree (whisper.cpp's examples/, llama.cpp's tools/): each defines its own external
/// `whisper_print_usage`, its own `whisper_params` constructor. They have one USR, but they are different functions,
/// linked into different programs. A function with external linkage defined in more than one file becomes one node per
/// defining file (`USR@file`, shown `name@file`), and every reference to it binds to the definition linked with the
/// code that makes it:
///
/// 1. a unit that defines the function itself uses its own definition (the linker takes the unit's own);
/// 2. else the definition compiled for the same build target (from the compilation database's output paths);
/// 3. else the definition in the unit's own folder;
/// 4. else the nearest definition in the tree (the longest common folder); several equally near are each bound (an
///    over-approximation, never a merge).
///
/// A function defined once (or in one header included everywhere) is untouched. Runs over all units' facts before the
/// graph is built, so every later stage sees the separated ids.
public enum ProgramSeparation {
    public static func apply(_ units: [TranslationUnitFacts]) -> [TranslationUnitFacts] {
        // Every defining file of each external function, and the targets that compile each definition.
        var definedIn: [String: Set<String>] = [:]
        for unit in units {
            for f in unit.functions where isSeparable(f) {
                definedIn[f.id, default: []].insert(f.location!.file)
            }
        }
        let ambiguous = definedIn.filter { $0.value.count > 1 }
        guard !ambiguous.isEmpty else { return units }
        var targetsOf: [String: Set<String>] = [:]   // defining file → targets of the units that compile it
        for unit in units {
            if let target = unit.target { targetsOf[unit.file, default: []].insert(target) }
        }
        var derivations: [String: Derivation] = [:]
        return units.map { separate($0, ambiguous: ambiguous, targetsOf: targetsOf, derivations: &derivations) }
    }

    /// How an id names a separated function, the same in every unit (it depends only on the ambiguous set): the
    /// function itself, a parameter or template argument of it (`param:F#n`, `targ:F#n`), a closure inside it
    /// (`F::closure#…`), or none. Found once per id per run, not once per unit.
    private enum Derivation {
        case none
        case itself
        case derived(base: String, prefix: String, suffix: String)

        init(_ id: String, ambiguous: [String: Set<String>]) {
            if ambiguous[id] != nil { self = .itself; return }
            for prefix in ["param:", "targ:"] where id.hasPrefix(prefix) {
                guard let hash = id.lastIndex(of: "#") else { break }
                let base = String(id[id.index(id.startIndex, offsetBy: prefix.count)..<hash])
                if ambiguous[base] != nil { self = .derived(base: base, prefix: prefix, suffix: String(id[hash...])); return }
            }
            if let closure = id.firstRange(of: "::closure#") {
                let base = String(id[..<closure.lowerBound])
                if ambiguous[base] != nil { self = .derived(base: base, prefix: "", suffix: String(id[closure.lowerBound...])); return }
            }
            self = .none
        }
    }

    /// The id of the copy of `id` defined in `file`.
    public static func copy(_ id: String, file: String) -> String { FunctionID.internal(usr: id, file: file) }

    private static func isSeparable(_ f: FunctionFact) -> Bool {
        guard f.isDefinition, f.linkage == .external, !f.isSystem, f.location != nil else { return false }
        switch f.kind {
        case .function, .method, .constructor, .destructor, .conversion: return true
        default: return false
        }
    }

    private static func separate(_ unit: TranslationUnitFacts, ambiguous: [String: Set<String>],
                                 targetsOf: [String: Set<String>],
                                 derivations: inout [String: Derivation]) -> TranslationUnitFacts {
        var own: [String: String] = [:]
        for f in unit.functions where ambiguous[f.id] != nil && isSeparable(f) { own[f.id] = f.location!.file }
        var homes: [String: [String]] = [:]
        func home(_ id: String) -> [String] {
            if let h = homes[id] { return h }
            let files = ambiguous[id]!.sorted()
            var chosen: [String]
            if let mine = own[id] {
                chosen = [mine]
            } else {
                chosen = files
                if let target = unit.target {
                    let same = chosen.filter { targetsOf[$0]?.contains(target) ?? false }
                    if !same.isEmpty { chosen = same }
                }
                if chosen.count > 1 {
                    let folder = Self.folder(unit.file)
                    let here = chosen.filter { Self.folder($0) == folder }
                    if !here.isEmpty { chosen = here }
                }
                if chosen.count > 1 {
                    let nearness = chosen.map { Self.commonFolders(unit.file, $0) }
                    let best = nearness.max() ?? 0
                    chosen = zip(chosen, nearness).filter { $0.1 == best }.map(\.0)
                }
            }
            let ids = chosen.map { copy(id, file: $0) }
            homes[id] = ids
            return ids
        }
        var mapped: [String: [String]] = [:]
        /// An id as this unit means it: a separated function (or a lambda, parameter or template argument of one) bound
        /// to its home copies; anything else unchanged.
        func map(_ id: String) -> [String] {
            if let known = mapped[id] { return known }
            let ids = bind(id)
            mapped[id] = ids
            return ids
        }
        func bind(_ id: String) -> [String] {
            let derivation: Derivation
            if let known = derivations[id] {
                derivation = known
            } else {
                derivation = Derivation(id, ambiguous: ambiguous)
                derivations[id] = derivation
            }
            switch derivation {
            case .none: return [id]
            case .itself: return home(id)
            case .derived(let base, let prefix, let suffix): return home(base).map { prefix + $0 + suffix }
            }
        }
        func one(_ id: String) -> String { map(id)[0] }

        var u = unit
        u.functions = unit.functions.flatMap { f -> [FunctionFact] in
            if ambiguous[f.id] != nil, isSeparable(f), let file = f.location?.file {
                var c = f
                c.id = copy(f.id, file: file)
                return [c]
            }
            return map(f.id).map { id in
                var c = f
                c.id = id
                return c
            }
        }
        u.calls = unit.calls.flatMap { c in
            map(c.caller).flatMap { caller in
                map(c.callee).map { callee in
                    var x = c
                    x.caller = caller
                    x.callee = callee
                    return x
                }
            }
        }
        u.overrides = unit.overrides.flatMap { o in map(o.method).flatMap { m in map(o.overridden).map { OverrideFact(method: m, overridden: $0) } } }
        u.addressStores = unit.addressStores.flatMap { s in
            map(s.function).flatMap { f in
                let slots: [String?] = s.slot.map { map($0).map { Optional($0) } } ?? [nil]
                return slots.map { AddressStoreFact(function: f, slot: $0, location: s.location) }
            }
        }
        u.slotFlows = unit.slotFlows.flatMap { f in map(f.from).flatMap { from in map(f.to).map { SlotFlowFact(from: from, to: $0) } } }
        u.containerAccesses = unit.containerAccesses.flatMap { a in
            map(a.function).map { var x = a; x.function = $0; return x }
        }
        u.instantiations = unit.instantiations.flatMap { i in map(i.template).map { var x = i; x.template = $0; return x } }
        u.dependentCalls = unit.dependentCalls.flatMap { d in map(d.caller).map { var x = d; x.caller = $0; return x } }
        u.registrations = unit.registrations.flatMap { r in
            map(r.function).map { var x = r; x.function = $0; x.registeredBy = one(r.registeredBy); return x }
        }
        u.publicDeclarations = unit.publicDeclarations.flatMap(map)
        u.streamReads = unit.streamReads.flatMap { s in map(s.function).map { StreamReadFact(function: $0, stream: s.stream) } }
        u.frameworkFunctions = unit.frameworkFunctions.flatMap(map)
        u.unresolvedServiceMethods = unit.unresolvedServiceMethods.flatMap { s in map(s.method).map { var x = s; x.method = $0; return x } }
        return u
    }

    private static func folder(_ file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[..<slash])
    }

    /// How many leading folders two files share.
    private static func commonFolders(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: "/").dropLast(), y = b.split(separator: "/").dropLast()
        var n = 0
        for (p, q) in zip(x, y) {
            guard p == q else { break }
            n += 1
        }
        return n
    }
}
