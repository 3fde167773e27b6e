/// Merges the facts of many translation units into one `CallGraph`. Input order does not matter: functions
/// are deduplicated by id and call sites by (caller, callee, location), then everything is sorted.
public struct CallGraphBuilder {
    private var functions: [String: FunctionFact] = [:]
    private var calls: Set<CallFact> = []

    public init() {}

    public mutating func add(_ unit: TranslationUnitFacts) {
        for f in unit.functions { add(f) }
        calls.formUnion(unit.calls)
    }

    public mutating func add(_ fact: FunctionFact) {
        guard let existing = functions[fact.id] else { functions[fact.id] = fact; return }
        // A definition beats a declaration; among equals the smallest location wins so the result is stable.
        if fact.isDefinition && !existing.isDefinition {
            functions[fact.id] = fact
        } else if fact.isDefinition == existing.isDefinition,
                  let a = fact.location, let b = existing.location, a < b {
            functions[fact.id] = fact
        }
    }

    public mutating func add(_ call: CallFact) { calls.insert(call) }

    public func build() -> CallGraph {
        // Every callee or caller that was never declared (recovered names) still becomes a node.
        var all = functions
        for c in calls {
            for id in [c.caller, c.callee] where all[id] == nil {
                all[id] = FunctionFact(id: id, name: FunctionID.unresolvedName(id) ?? id, kind: .unresolved,
                                       linkage: .none, location: nil, isDefinition: false)
            }
        }
        let sorted = all.values.sorted { $0.id < $1.id }
        var index = [String: Int32](minimumCapacity: sorted.count)
        for (i, f) in sorted.enumerated() { index[f.id] = Int32(i) }

        // An unresolved name that exactly matches one defined external function is that function.
        var definedByName: [String: [Int32]] = [:]
        for (i, f) in sorted.enumerated() where f.isDefinition && f.linkage == .external {
            definedByName[f.name, default: []].append(Int32(i))
        }
        func target(_ id: String) -> Int32 {
            let i = index[id]!
            let f = sorted[Int(i)]
            if f.kind == .unresolved, let hits = definedByName[f.name], hits.count == 1 { return hits[0] }
            return i
        }

        var edges = [[Int32: [CallSite]]](repeating: [:], count: sorted.count)
        for c in calls {
            let from = index[c.caller]!
            let to = target(c.callee)
            edges[Int(from)][to, default: []].append(CallSite(location: c.location, kind: c.kind, macro: c.macro))
        }
        let callees: [[CallEdge]] = edges.map { byCallee in
            byCallee.keys.sorted().map { callee in
                CallEdge(callee: callee, sites: byCallee[callee]!.sorted {
                    ($0.location, $0.kind) < ($1.location, $1.kind)
                })
            }
        }
        return CallGraph(functions: sorted.map(Function.init), callees: callees)
    }
}
