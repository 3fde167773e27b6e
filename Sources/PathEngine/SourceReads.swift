import SinkmapCore

/// One read of untrusted input seen from a frame: the source (`fgets`, `argv`, `std::cin`, `request`), its
/// kind, and the calls from the frame that lead to it (`via`, empty when the frame reads it itself).
public struct SourceRead: Sendable, Equatable {
    public var source: String
    public var kind: SourceKind
    /// Node ids: the callee of the frame first; the source function last when the source is a call.
    public var via: [Int32]
}

/// Which functions read untrusted input: those that call a source (`sources:` rules, built-in or the
/// project's), name `std::cin`, or are `main` with parameters (argv). A frame on a path reads untrusted input
/// when its function does, or when one of its direct callees does — one level, so a helper such as
/// `read_prompt()` marks the frame that calls it.
public final class SourceReads: @unchecked Sendable {
    private let graph: CallGraph
    private var direct: [[SourceRead]]
    private var cache: [Int32: [SourceRead]] = [:]
    private let sourceKind: [SourceKind?]

    public init(graph: CallGraph, rules: [SourceRule], matcher: NameMatcher, facts: ThreatFacts) {
        self.graph = graph
        var sourceRule = [Int?](repeating: nil, count: graph.functions.count)
        for (i, f) in graph.functions.enumerated() where f.kind != .lambda && f.kind != .block && f.kind != .initializer {
            sourceRule[i] = matcher.match(f)
        }
        sourceKind = sourceRule.map { $0.map { rules[$0].kind } }
        direct = graph.functions.indices.map { i in
            var reads: [SourceRead] = []
            let f = graph.functions[i]
            if f.kind == .function, f.name == "main", let signature = f.signature, Self.hasParameters(signature) {
                reads.append(SourceRead(source: "argv", kind: .commandLine, via: []))
            }
            for stream in facts.streamReads[Int32(i)] ?? [] {
                reads.append(SourceRead(source: stream, kind: .stdin, via: []))
            }
            for edge in graph.callees[i] {
                guard let r = sourceRule[Int(edge.callee)] else { continue }
                reads.append(SourceRead(source: graph.functions[Int(edge.callee)].displayName, kind: rules[r].kind,
                                        via: [edge.callee]))
            }
            return reads
        }
    }

    /// What a frame of this function reads: its own sources, then its direct callees', each source once (the
    /// shortest way to it).
    public func reads(_ node: Int32) -> [SourceRead] {
        if let hit = cache[node] { return hit }
        var out = direct[Int(node)]
        var seen = Set(out.map(\.source))
        for edge in graph.callees[Int(node)] where edge.callee != node {
            for r in direct[Int(edge.callee)] where seen.insert(r.source).inserted {
                out.append(SourceRead(source: r.source, kind: r.kind, via: [edge.callee] + r.via))
            }
        }
        cache[node] = out
        return out
    }

    /// What a call of `node` hands back, when it is untrusted input: `node` is a source (`fgets`), or — one level,
    /// as for frames — a function that calls one itself (`read_prompt`). The environment is not untrusted.
    public func untrustedResult(of node: Int32) -> SourceRead? {
        if let kind = sourceKind[Int(node)], kind != .environment {
            return SourceRead(source: graph.functions[Int(node)].displayName, kind: kind, via: [node])
        }
        guard graph.functions[Int(node)].kind != .lambda, !(graph.functions[Int(node)].name == "main") else { return nil }
        return direct[Int(node)].first { $0.kind != .environment && $0.source != "argv" }.map {
            SourceRead(source: $0.source, kind: $0.kind, via: [node] + $0.via)
        }
    }

    /// `int (int, char **)` has parameters; `int ()` and `int (void)` do not.
    static func hasParameters(_ signature: String) -> Bool {
        guard let open = signature.firstIndex(of: "("), let close = signature.lastIndex(of: ")"), open < close else { return false }
        let inside = signature[signature.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return !inside.isEmpty && inside != "void"
    }
}
