import SinkmapCore

/// Why a function starts paths.
public enum EntryKind: String, Codable, Sendable, Comparable {
    /// The program's `main`.
    case main
    /// A translation unit's global and static initializers, which run before `main`.
    case initializer
    /// A function defined in the project that nothing in the project calls: library API, callbacks,
    /// or code reached in ways the graph does not see.
    case root

    public static func < (a: EntryKind, b: EntryKind) -> Bool {
        let order: [EntryKind] = [.main, .initializer, .root]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// Finds the entry points of a graph: `main`, initializers and roots. Sinks are never entry points.
public enum EntryPoints {
    public static func find(in graph: CallGraph, sinks: [Int?]) -> [(node: Int32, kind: EntryKind)] {
        var result: [(Int32, EntryKind)] = []
        for (i, f) in graph.functions.enumerated() where sinks[i] == nil && f.isDefinition && !f.isSystem {
            let node = Int32(i)
            switch f.kind {
            case .initializer:
                result.append((node, .initializer))
            case .function where f.name == "main" && f.linkage == .external:
                result.append((node, .main))
            case .function, .method, .constructor, .destructor, .conversion:
                if graph.callers[i].allSatisfy({ $0 == node }) { result.append((node, .root)) }
            default:
                break
            }
        }
        return result
    }
}
