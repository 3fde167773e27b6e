import SinkmapCore

/// The project's own model API: the functions through which the project's entry points reach the catalog's sinks
/// (`Pipeline::chat` over ggml's graph compute, `common_tokenize` over `llama_tokenize`). Reviewers ask "which entry
/// points reach the project's chat/generate/tokenize API", not "every path to a graph-compute call"; `sinkmap
/// suggest` proposes these as rules.
///
/// For each entry point and each sink it reaches, the search walks from the entry point through the project's own
/// code toward the sink and stops at the first **API function** on each route: a project function with external
/// linkage (a named function, method or constructor — not a lambda, not `static`), defined in another file than the
/// entry point, that reaches the sink. The functions where it stops form a cut between the entry point and the sink
/// (a dominator when one function carries every route; two wrappers side by side when the routes split). A route
/// that meets no API function before the sink has no wrapper. An exported entry point of a library is its own
/// wrapper. Deterministic.
public struct Wrappers {
    public struct Suggestion: Equatable, Sendable {
        public var node: Int32
        /// Catalog sinks it stands for, by node, sorted by name.
        public var sinks: [Int32]
        /// Entry points whose routes it carries, by node, sorted by name.
        public var entries: [Int32]
        /// Fewest calls from one of those entry points to it.
        public var distance: Int
    }

    private let graph: CallGraph
    private let isProject: [Bool]

    public init(graph: CallGraph, origins: [Origin]) {
        self.graph = graph
        isProject = origins.map { $0 == .project }
    }

    /// The entry points whose routes are searched: how the program is used. Uncalled roots (a test function nothing
    /// calls) and initializers would propose whatever they happen to call.
    public static func searchesFrom(_ kind: EntryKind) -> Bool { kind != .root && kind != .initializer }

    /// A function the project offers to its own callers: defined here, external linkage, a real function.
    func isAPI(_ n: Int32) -> Bool {
        let f = graph.functions[Int(n)]
        guard isProject[Int(n)], f.isDefinition, f.linkage == .external else { return false }
        switch f.kind {
        case .function, .method, .constructor: return f.name != "main"
        default: return false
        }
    }

    /// `sinks`: per node, whether it is a sink; `entries`: the project's entry points and their kinds.
    public func suggest(sinks: [Bool], entries: [(node: Int32, kind: EntryKind)]) -> [Suggestion] {
        let n = graph.functions.count
        var callers = [[Int32]](repeating: [], count: n)
        for (caller, edges) in graph.callees.enumerated() {
            for e in edges { callers[Int(e.callee)].append(Int32(caller)) }
        }
        struct Acc { var sinks = Set<Int32>(); var entries = Set<Int32>(); var distance = Int.max }
        var found: [Int32: Acc] = [:]
        let sinkNodes = (0..<n).filter { sinks[$0] }.map(Int32.init)
        // A handler's route starts at the handler: the function that registers it does not call it.
        let handlers = Set(entries.filter { $0.kind.receivesRequests }.map(\.node))
        for s in sinkNodes {
            // Project functions that reach `s` through project code, without passing another sink.
            var reaches = [Bool](repeating: false, count: n)
            reaches[Int(s)] = true
            var work = [s]
            while let x = work.popLast() {
                for c in callers[Int(x)] where !reaches[Int(c)] && isProject[Int(c)] && !sinks[Int(c)] {
                    reaches[Int(c)] = true
                    work.append(c)
                }
            }
            for (entry, kind) in entries where reaches[Int(entry)] && entry != s {
                if kind == .exported && isAPI(entry) {
                    var acc = found[entry, default: Acc()]
                    acc.sinks.insert(s); acc.entries.insert(entry); acc.distance = 0
                    found[entry] = acc
                    continue
                }
                let entryFile = graph.functions[Int(entry)].location?.file
                var seen: Set<Int32> = [entry]
                var level = [entry]
                var depth = 0
                while !level.isEmpty {
                    depth += 1
                    var next: [Int32] = []
                    for x in level {
                        for e in graph.callees[Int(x)] where reaches[Int(e.callee)] && !handlers.contains(e.callee)
                            && seen.insert(e.callee).inserted {
                            let c = e.callee
                            if c == s { continue }
                            if isAPI(c) && graph.functions[Int(c)].location?.file != entryFile {
                                var acc = found[c, default: Acc()]
                                acc.sinks.insert(s); acc.entries.insert(entry); acc.distance = min(acc.distance, depth)
                                found[c] = acc
                                continue
                            }
                            next.append(c)
                        }
                    }
                    level = next
                }
            }
        }
        func name(_ x: Int32) -> String { graph.functions[Int(x)].displayName }
        return found.map { node, acc in
            Suggestion(node: node, sinks: acc.sinks.sorted { name($0) < name($1) },
                       entries: acc.entries.sorted { name($0) < name($1) }, distance: acc.distance)
        }.sorted { ($1.entries.count, $0.distance, name($0.node)) < ($0.entries.count, $1.distance, name($1.node)) }
    }

    /// Sinks the entry points reach through the project's own code (not through another sink), sorted by node: the
    /// API the catalog already names when they are defined in the project (`whisper_full` in whisper.cpp).
    public func reachedSinks(sinks: [Bool], entries: [Int32]) -> [Int32] {
        var seen = Set(entries)
        var work = entries
        var found = Set<Int32>()
        while let x = work.popLast() {
            for e in graph.callees[Int(x)] where seen.insert(e.callee).inserted {
                if sinks[Int(e.callee)] { found.insert(e.callee); continue }
                if isProject[Int(e.callee)] { work.append(e.callee) }
            }
        }
        return found.sorted()
    }

    /// The category a wrapper's name says, if it says one (`load`/`init` → model-load, `encode`/`tokenize` →
    /// tokenize, `chat`/`generate`/`complete` → inference, `template` → template, `embed` → embedding,
    /// `sample` → sampling); the last name component is read, split at `_` and case changes.
    public static func categoryByName(_ qualifiedName: String) -> SinkCategory? {
        let last = qualifiedName.split(separator: ":").last.map(String.init) ?? qualifiedName
        var words: [String] = []
        var current = ""
        for ch in last {
            if ch == "_" || ch == "~" {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
            } else if ch.isUppercase, let prev = current.last, prev.isLowercase {
                words.append(current.lowercased())
                current = String(ch)
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        let table: [(SinkCategory, [String])] = [
            (.template, ["template", "templates", "append_user", "prompt"]),
            (.embedding, ["embed", "embedding", "embeddings", "embd"]),
            (.tokenize, ["encode", "tokenize", "tokenizer", "detokenize", "decode_text", "tokens"]),
            (.sampling, ["sample", "sampler", "sampling"]),
            (.modelLoad, ["load", "loader", "init", "open", "read_model"]),
            (.inference, ["chat", "generate", "complete", "completion", "infer", "inference", "predict", "forward",
                          "eval", "run", "compute", "decode", "transcribe", "txt2img", "img2img"]),
        ]
        let joined = words.joined(separator: "_")
        if joined.contains("apply_template") || joined.contains("append_user") { return .template }
        for (category, keys) in table where words.contains(where: keys.contains) { return category }
        return nil
    }
}
