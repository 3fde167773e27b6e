import SinkmapReport

/// A report whose every name is an attack on some output format: HTML/script injection in a file name, DOT and
/// JSON quoting, Markdown code spans and tables, line breaks, Unicode line separators, a `javascript:` file
/// name, a category and call kind sinkmap does not know. Exporters must render it inert.
enum HostileReport {
    static let file = "\"><script>alert(1)</script>.c"
    static let function = "evil<&\"'`|*_[x](y)>::run\\n"
    static let sinkFunction = "ns::operator<<`a`|b</script><img src=x onerror=alert(2)>"
    /// A route, a source and an operation spelled to break tables, code spans, DOT strings and terminals.
    static let route = "POST /x|`y`\u{1B}[31m<script>alert(6)</script>"

    static func threatened(_ path: Path) -> Path {
        var p = path
        p.labels = ["untrusted-input", "<b>label|</b>"]
        p.frames[1].sources = [.init(source: "<img src=x onerror=alert(7)>", kind: "file|`k`", via: [function, "read\u{2028}"])]
        p.downstream = [.init(operation: "shell<", function: "sys</script>|`", via: [function, "sys</script>|`"],
                              from: function, at: .init(file: file, line: 7, column: 1))]
        return p
    }

    static let value: Report = {
        let sink = Path.SinkRef(rule: "x/<b>rule|`", function: sinkFunction, category: "weird<category>")
        let other = Path.SinkRef(rule: "llama.cpp/decode", function: "llama_decode", category: "inference")
        return Report(
            tool: .init(version: "0.0.0-test"),
            root: "</title><script>alert(3)</script>",
            sinks: [
                Sink(rule: "llama.cpp/decode", function: "llama_decode", category: "inference",
                     reason: "Runs <b>the</b> model & more", file: "include/llama.h", line: 1),
                Sink(rule: "x/<b>rule|`", function: sinkFunction, category: "weird<category>",
                     reason: "reason with ]]> and </script> and \u{2028} separator", file: file, line: 3),
            ],
            paths: [
                threatened(Path(id: "00000000000000000000000000000001",
                                entry: .init(function: "main", kind: "http-handler", routes: [route], label: "l|`a`\nb",
                                             registeredBy: function, registeredAt: .init(file: file, line: 1, column: 2)),
                                sink: other,
                     frames: [
                        Frame(function: "main", file: "javascript:alert(4)", line: 1,
                              call: .init(file: "javascript:alert(4)", line: 2, column: 3, kind: "lambda")),
                        Frame(function: function, file: file, line: 5,
                              call: .init(file: file, line: 6, column: 7, kind: "teleport", macro: "M<A>(\"x\")")),
                        Frame(function: "llama_decode", file: "include/llama.h", line: 1, call: nil),
                     ], truncated: false)),
                Path(id: "00000000000000000000000000000002", entry: .init(function: "über::Straße\u{2028}x", kind: "root"), sink: sink,
                     frames: [
                        Frame(function: "über::Straße\u{2028}x", file: "src/ü n.c", line: 1,
                              call: .init(file: "src/ü n.c", line: 2, column: 3, kind: "pointer")),
                        Frame(function: function, file: file, line: 5,
                              call: .init(file: file, line: 9, column: 1, kind: "unresolved")),
                        Frame(function: sinkFunction, file: file, line: 3, call: nil),
                     ], truncated: false),
            ],
            pathCounts: [
                PathCount(rule: "llama.cpp/decode", function: "llama_decode", total: 1, listed: 1, exact: true, truncatedBy: []),
                PathCount(rule: "x/<b>rule|`", function: sinkFunction, total: 1, listed: 1, exact: true, truncatedBy: []),
            ],
            diagnostics: [
                Diagnostic(file: file, line: 1, column: 1, severity: "error", message: "<script>alert(5)</script>\nnext line"),
            ],
            limits: .init(maxPaths: 1000, maxDepth: 64),
            stats: .init(translationUnits: 1, failedTranslationUnits: 0, translationUnitsWithErrors: 1,
                         functions: 4, calls: 3, entryPoints: 2, seconds: 0))
    }()
}
