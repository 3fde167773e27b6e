import SinkmapReport

/// The subgraph made of a report's listed paths — not the whole program: every function on some path and
/// every call between two consecutive frames. Graph formats draw it.
struct PathGraph {
    enum Role: Equatable {
        /// The kind with routes or label: `http-handler POST /completion`.
        case entry(kind: String)
        case intermediate
        case sink(category: String, rule: String)
    }

    struct Node {
        var function: String
        var file: String?
        var line: Int?
        var role: Role
    }

    struct Edge {
        var from: Int
        var to: Int
        /// The call site of the first path using this edge (all paths carry the same, earliest one).
        var call: Frame.Call?
        /// How many listed paths use it.
        var paths: Int
    }

    /// Sorted by function name; an index is a node's id.
    var nodes: [Node]
    /// Sorted by (from, to).
    var edges: [Edge]
    /// Each node's column in a layered drawing, counted from 0: its furthest position from an entry point on any
    /// path, sinks all in the last column. Columns no node is in are skipped.
    var columns: [Int] = []

    init(paths: [Path]) {
        var byName: [String: Node] = [:]
        for path in paths {
            for (i, frame) in path.frames.enumerated() {
                let role: Role
                if i == path.frames.count - 1 { role = .sink(category: path.sink.category, rule: path.sink.rule) }
                else if i == 0 { role = .entry(kind: ThreatText.entryKind(path.entry)) }
                else { role = .intermediate }
                var node = byName[frame.function] ?? Node(function: frame.function, file: frame.file, line: frame.line, role: role)
                node.role = Self.stronger(node.role, role)
                if node.file == nil { node.file = frame.file; node.line = frame.line }
                byName[frame.function] = node
            }
        }
        nodes = byName.values.sorted { $0.function < $1.function }
        var index: [String: Int] = [:]
        for (i, n) in nodes.enumerated() { index[n.function] = i }

        var byPair: [Pair: Edge] = [:]
        for path in paths {
            for (frame, next) in zip(path.frames, path.frames.dropFirst()) {
                let pair = Pair(from: index[frame.function]!, to: index[next.function]!)
                byPair[pair, default: Edge(from: pair.from, to: pair.to, call: frame.call, paths: 0)].paths += 1
            }
        }
        edges = byPair.values.sorted { ($0.from, $0.to) < ($1.from, $1.to) }

        var depth: [String: Int] = [:]
        for path in paths {
            for (i, frame) in path.frames.enumerated() { depth[frame.function] = max(depth[frame.function] ?? 0, i) }
        }
        let isSink = { (n: Node) -> Bool in if case .sink = n.role { return true } else { return false } }
        let deepest = nodes.filter { !isSink($0) }.map { depth[$0.function]! }.max() ?? 0
        let raw = nodes.map { isSink($0) ? deepest + 1 : depth[$0.function]! }
        let used = Set(raw).sorted()
        columns = raw.map { used.firstIndex(of: $0)! }
    }

    private struct Pair: Hashable { var from: Int, to: Int }

    /// A function that is a sink on one path and something else on another is drawn as a sink; an entry point
    /// that is also passed through is drawn as an entry point.
    private static func stronger(_ a: Role, _ b: Role) -> Role {
        func rank(_ r: Role) -> Int {
            switch r {
            case .sink: return 2
            case .entry: return 1
            case .intermediate: return 0
            }
        }
        return rank(b) > rank(a) ? b : a
    }
}
