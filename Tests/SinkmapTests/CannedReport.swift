import SinkmapReport

/// A report written by hand, so exporters are tested without libclang. It exercises what renderers must get
/// right: several sinks, a macro call, an unresolved frame without a file, truncation, hostile spellings, and
/// the threat context (an HTTP handler with its route, frames reading untrusted input, a downstream operation, data
/// flows into the sink's arguments and from its output to a shell).
enum CannedReport {
    static let value: Report = {
        let decode = Path.SinkRef(rule: "llama.cpp/decode", function: "llama_decode", category: "inference")
        let load = Path.SinkRef(rule: "llama.cpp/model-load", function: "llama_model_load_from_file", category: "model-load")
        let run = Path.SinkRef(rule: "onnxruntime/run", function: "OrtApi::Run", category: "inference")
        return Report(
            tool: .init(version: "0.0.0-test"),
            root: "demo",
            sinks: [
                Sink(rule: "llama.cpp/decode", function: "llama_decode", category: "inference",
                     reason: "Runs the model on a token batch", file: "include/llama.h", line: 18),
                Sink(rule: "llama.cpp/model-load", function: "llama_model_load_from_file", category: "model-load",
                     reason: "Parses a GGUF model file", file: "include/llama.h", line: 12),
                Sink(rule: "onnxruntime/run", function: "OrtApi::Run", category: "inference",
                     reason: "Runs an ONNX session", file: nil, line: nil),
            ],
            paths: [
                withThreat(
                    Path(id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", entry: .init(function: "main", kind: "main"), sink: decode,
                         frames: [
                            withSources(Frame(function: "main", file: "src/main.c", line: 4,
                                              call: .init(file: "src/main.c", line: 9, column: 13, kind: "direct")),
                                        [.init(source: "argv", kind: "command-line", via: [])]),
                            withSources(Frame(function: "process_line", file: "src/app.c", line: 20,
                                              call: .init(file: "src/app.c", line: 24, column: 9, kind: "direct", macro: "DECODE")),
                                        [.init(source: "fgets", kind: "file", via: ["read_line", "fgets"])]),
                            Frame(function: "llama_decode", file: "include/llama.h", line: 18, call: nil),
                         ], truncated: false),
                    downstream: [.init(operation: "shell", function: "system", via: ["run_hook", "system"], from: "process_line",
                                       at: .init(file: "src/app.c", line: 31, column: 5))],
                    flow: .init(source: "fgets", kind: "file", arguments: [2], steps: [
                        .init(frame: 1, function: "process_line", value: "read_line(…)", at: .init(file: "src/app.c", line: 21, column: 17)),
                        .init(frame: 1, function: "process_line", value: "line", at: .init(file: "src/app.c", line: 21, column: 10)),
                        .init(frame: 1, function: "process_line", value: "argument 2 of llama_decode(…)", at: .init(file: "src/app.c", line: 24, column: 22)),
                    ]),
                    outputs: [.init(operation: "shell", function: "system", steps: [
                        .init(frame: 1, function: "process_line", value: "ctx (written by llama_decode(…))", at: .init(file: "src/app.c", line: 24, column: 9)),
                        .init(frame: 1, function: "process_line", value: "argument 1 of run_hook(…)", at: .init(file: "src/app.c", line: 31, column: 14)),
                        .init(frame: nil, function: "run_hook", value: "text (parameter 1)", at: .init(file: "src/app.c", line: 40, column: 1)),
                        .init(frame: nil, function: "run_hook", value: "argument 1 of system(…)", at: .init(file: "src/app.c", line: 41, column: 12)),
                    ])]),
                Path(id: "a1b2c3d4e5f60718293a4b5c6d7e8f90", entry: .init(function: "<initializer:src/models.cpp>", kind: "initializer"),
                     sink: load,
                     frames: [
                        Frame(function: "<initializer:src/models.cpp>", file: "src/models.cpp", line: 1,
                              call: .init(file: "src/models.cpp", line: 7, column: 22, kind: "constructor")),
                        Frame(function: "ns::Model<\"q\">::Model", file: "src/models.cpp", line: 3,
                              call: .init(file: "src/models.cpp", line: 4, column: 5, kind: "direct")),
                        Frame(function: "llama_model_load_from_file", file: "include/llama.h", line: 12, call: nil),
                     ], truncated: true),
                withThreat(
                    Path(id: "ffeeddccbbaa99887766554433221100",
                         entry: .init(function: "helper@src/a b.c", kind: "http-handler", routes: ["POST /v1/run"],
                                      registeredBy: "main", registeredAt: .init(file: "src/main.c", line: 12, column: 5)),
                         sink: run,
                         frames: [
                            withSources(Frame(function: "helper@src/a b.c", file: "src/a b.c", line: 2,
                                              call: .init(file: "src/a b.c", line: 5, column: 11, kind: "unresolved")),
                                        [.init(source: "request", kind: "http-request", via: [])]),
                            Frame(function: "OrtApi::Run", file: nil, line: nil, call: nil),
                         ], truncated: false),
                    downstream: []),
            ],
            pathCounts: [
                PathCount(rule: "llama.cpp/decode", function: "llama_decode", total: 1, listed: 1, exact: true, truncatedBy: []),
                PathCount(rule: "llama.cpp/model-load", function: "llama_model_load_from_file", total: 3, listed: 1,
                          exact: true, truncatedBy: ["max-paths"]),
                PathCount(rule: "onnxruntime/run", function: "OrtApi::Run", total: 1, listed: 1, exact: true, truncatedBy: []),
            ],
            diagnostics: [
                Diagnostic(file: "src/a b.c", line: 1, column: 10, severity: "fatal", message: "'onnxruntime_c_api.h' file not found"),
                Diagnostic(file: "src/evil\u{1B}[31m.c", line: nil, column: nil, severity: "error", message: "bad \u{07}bell"),
            ],
            limits: .init(maxPaths: 1, maxDepth: 64),
            stats: .init(translationUnits: 3, failedTranslationUnits: 0, translationUnitsWithErrors: 1,
                         functions: 9, calls: 14, entryPoints: 3, seconds: 0.25))
    }()

    private static func withSources(_ frame: Frame, _ sources: [Frame.Source]) -> Frame {
        var f = frame
        f.sources = sources
        return f
    }

    /// Labelled untrusted-input (every path given here reads untrusted input), with its downstream operations and,
    /// when given, its data flows (then labelled `flows-to-sink` and `output-to-…`, each downstream entry's basis said).
    private static func withThreat(_ path: Path, downstream: [Path.Downstream], flow: Path.Flow? = nil,
                                   outputs: [Path.OutputFlow] = []) -> Path {
        var p = path
        p.labels = ["untrusted-input"] + (flow == nil ? [] : ["flows-to-sink"]) + outputs.map { "output-to-" + $0.operation }
        p.downstream = downstream.isEmpty ? nil : downstream.map { d in
            var d = d
            d.basis = outputs.contains { $0.operation == d.operation } ? "data-flow" : "reachability"
            return d
        }
        p.flow = flow
        p.outputs = outputs.isEmpty ? nil : outputs
        return p
    }
}
