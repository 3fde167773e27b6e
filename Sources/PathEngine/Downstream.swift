import SinkmapCore

/// A sensitive operation a frame may hand the model's output to: reached, within `Downstream.maxDepth` calls,
/// from a call the frame makes *after* (in source order) its call toward the sink.
public struct DownstreamOperation: Sendable, Equatable {
    /// Index of the frame on the path.
    public var frame: Int
    public var category: OperationCategory
    /// The operation's node (`system`).
    public var operation: Int32
    /// Calls from the frame to the operation: the frame's callee first, the operation last.
    public var via: [Int32]
    /// The frame's call that starts `via`.
    public var location: SourceLocation
}

/// "What does the model's caller do with the output?" A model's answer travels back up the path: each frame
/// that called toward the sink gets the result and may hand it on. For each frame this takes the calls written
/// after its call toward the sink and finds the sensitive operations (shell, SQL, files, network, dynamic
/// loading) they reach within `maxDepth` calls. It is call-graph co-reachability, not data flow: the output may
/// or may not be what reaches the operation, and a loop can run an earlier call after the model's.
public final class Downstream: @unchecked Sendable {
    public static let defaultMaxDepth = 3

    private let graph: CallGraph
    private let rules: [OperationRule]
    private let operation: [Int?]
    private let maxDepth: Int
    private var cache: [Int32: [(node: Int32, via: [Int32])]] = [:]
    private let isCrashHandler: [Bool]

    public init(graph: CallGraph, rules: [OperationRule], matcher: NameMatcher, maxDepth: Int = Downstream.defaultMaxDepth) {
        self.graph = graph
        self.rules = rules
        self.maxDepth = maxDepth
        operation = graph.functions.map { f in
            f.kind == .lambda || f.kind == .block || f.kind == .initializer ? nil : matcher.match(f)
        }
        isCrashHandler = graph.functions.map { Self.isCrashHandler($0.name) }
    }

    /// Per node: whether it is a sensitive operation.
    public var isOperation: [Bool] { operation.map { $0 != nil } }

    /// What a node does when it is a sensitive operation.
    public func category(of node: Int32) -> OperationCategory? { operation[Int(node)].map { rules[$0].category } }

    /// Whether a node aborts, asserts or prints a backtrace (see `isCrashHandler(_:)`).
    public func isCrashHandler(_ node: Int32) -> Bool { isCrashHandler[Int(node)] }

    /// Whether every call from `caller` to `operation` passes only literals. (The frame's own calls are judged
    /// where they are taken, in `operations(on:)`: only those after the model call count.)
    private func calledWithConstantsOnly(_ operation: Int32, from caller: Int32) -> Bool {
        guard caller != operation else { return false }
        guard let edge = graph.callees[Int(caller)].first(where: { $0.callee == operation }) else { return false }
        return edge.sites.allSatisfy(\.constantArguments)
    }

    /// Functions that abort, assert or print a backtrace: what they run (`execlp("gdb")` in ggml's backtrace) is
    /// crash handling, never the model's output going somewhere, so the search does not go through them.
    static func isCrashHandler(_ qualifiedName: String) -> Bool {
        let last = (qualifiedName.split(separator: ":").last.map(String.init) ?? qualifiedName).lowercased()
        return ["abort", "assert", "backtrace", "panic", "crash", "stacktrace", "stack_trace"].contains { last.contains($0) }
    }

    /// `frames`: per node, whether its later calls count (the project's own frames); nil: every frame.
    public func operations(on path: EnginePath, frames: [Bool]? = nil) -> [DownstreamOperation] {
        var out: [DownstreamOperation] = []
        for k in path.sites.indices {
            let node = path.nodes[k]
            if let frames, !frames[Int(node)] { continue }
            let after = path.sites[k].location
            // The frame's later calls, each callee once at its first later site, in source order.
            var later: [(callee: Int32, site: SourceLocation)] = []
            for edge in graph.callees[Int(node)] {
                let sites = edge.sites.filter { $0.location.file == after.file && $0.location > after }
                guard let site = sites.first else { continue }
                // The frame's own `system("ffmpeg -version")`: only literals, no output goes there.
                if operation[Int(edge.callee)] != nil && sites.allSatisfy(\.constantArguments) { continue }
                later.append((edge.callee, site.location))
            }
            later.sort { ($0.site, $0.callee) < ($1.site, $1.callee) }
            var seen = Set<Int32>()
            for (callee, site) in later {
                for hit in reach(callee) where seen.insert(hit.node).inserted {
                    out.append(DownstreamOperation(frame: k, category: rules[operation[Int(hit.node)]!].category,
                                                   operation: hit.node, via: hit.via, location: site))
                }
            }
        }
        return out
    }

    /// Shell and SQL operations a request handler reaches by itself, before (or without) any model call: the
    /// request may drive the command. Breadth-first from `entry` within `depth` calls, through the project's own
    /// frames (`frames`; nil: every frame), never through crash handlers; an operation called only with literals
    /// does not count. Each operation once, with a shortest chain (entry first) and the site of its call.
    public func requestDriven(from entry: Int32, categories: Set<OperationCategory>, depth: Int = 5,
                              frames: [Bool]? = nil) -> [(operation: Int32, category: OperationCategory, via: [Int32], location: SourceLocation)] {
        var parent: [Int32: Int32] = [entry: entry]
        var level = [entry]
        var found: [(Int32, OperationCategory, [Int32], SourceLocation)] = []
        func chain(_ n: Int32) -> [Int32] { Self.chain(to: n, parent: parent) }
        var d = 0
        while !level.isEmpty && d < depth {
            var next: [Int32] = []
            for n in level {
                if n != entry, isCrashHandler[Int(n)] || (frames.map { !$0[Int(n)] } ?? false) { continue }
                for edge in graph.callees[Int(n)] where parent[edge.callee] == nil {
                    parent[edge.callee] = n
                    if let rule = operation[Int(edge.callee)] {
                        let category = rules[rule].category
                        if categories.contains(category), !edge.sites.allSatisfy(\.constantArguments), let site = edge.sites.first {
                            found.append((edge.callee, category, chain(edge.callee), site.location))
                        }
                        continue
                    }
                    next.append(edge.callee)
                }
            }
            level = next
            d += 1
        }
        return found.sorted { ($0.2.count, graph.functions[Int($0.0)].name) < ($1.2.count, graph.functions[Int($1.0)].name) }
    }

    /// The calls of a breadth-first search from its start (the node that is its own parent) to `n`, start first.
    private static func chain(to n: Int32, parent: [Int32: Int32]) -> [Int32] {
        var c = [n]
        var x = n
        while let p = parent[x], p != x { c.append(p); x = p }
        return c.reversed()
    }

    /// Operations reachable from `start` (itself included) within `maxDepth` calls counting `start` as the
    /// first, breadth-first so each comes with a shortest chain; sorted by chain length, then name.
    private func reach(_ start: Int32) -> [(node: Int32, via: [Int32])] {
        if let hit = cache[start] { return hit }
        var found: [(node: Int32, via: [Int32])] = []
        var parent: [Int32: Int32] = [start: start]
        var level = [start]
        var depth = 1
        func chain(_ n: Int32) -> [Int32] { Self.chain(to: n, parent: parent) }
        while !level.isEmpty && depth <= maxDepth {
            var next: [Int32] = []
            for n in level {
                if operation[Int(n)] != nil {
                    // Called only with literals (`system("ffmpeg -version")`): no output goes there.
                    if !calledWithConstantsOnly(n, from: parent[n]!) { found.append((n, chain(n))) }
                    continue   // what the operation calls in turn is the library's business
                }
                guard depth < maxDepth, !isCrashHandler[Int(n)] else { continue }
                for edge in graph.callees[Int(n)] where parent[edge.callee] == nil && !isCrashHandler[Int(edge.callee)] {
                    parent[edge.callee] = n
                    next.append(edge.callee)
                }
            }
            level = next
            depth += 1
        }
        found.sort { ($0.via.count, graph.functions[Int($0.node)].name) < ($1.via.count, graph.functions[Int($1.node)].name) }
        cache[start] = found
        return found
    }
}
