import SinkmapReport

/// The threat context of a path in words, the same in every text format (each escapes it its own way):
/// who starts the path, what untrusted input its frames read, what the model's output may reach.
public enum ThreatText {
    /// `http-handler POST /completion, registered by main at src/main.cpp:9:12`; just the kind when that is all.
    static func entry(_ e: Path.Entry) -> String {
        var s = e.kind
        if let routes = e.routes, !routes.isEmpty { s += " " + routes.joined(separator: ", ") }
        if let label = e.label { s += " \"\(label)\"" }
        if let by = e.registeredBy {
            s += ", registered by \(by)"
            if let at = e.registeredAt { s += " at \(location(at))" }
        }
        return s
    }

    /// An entry point of the attack surface: `http-handler POST /completion, POST /completions`; `main`.
    /// `shell: system via handle_run → run_tool → system (src/tools.cpp:12)`.
    static func requestDriven(_ o: Report.Surface.Operation) -> String {
        "request → \(o.operation): \(o.function) via \(o.via.joined(separator: " → ")) (\(o.file):\(o.line))"
    }

    static func surfaceEntry(_ e: Report.Surface.Entry) -> String {
        var s = e.kind
        if let routes = e.routes, !routes.isEmpty { s += " " + routes.joined(separator: ", ") }
        if let label = e.label { s += " \"\(label)\"" }
        if e.origin != "project" { s += " (\(e.origin))" }
        return s
    }

    /// The kind with routes or label, without the registration: `http-handler POST /completion`.
    static func entryKind(_ e: Path.Entry) -> String {
        var bare = e
        bare.registeredBy = nil
        return entry(bare)
    }

    /// `fgets [file] via read_prompt → fgets`; `argv [command-line]`.
    static func source(_ s: Frame.Source) -> String {
        "\(s.source) [\(s.kind)]" + (s.via.isEmpty || s.via == [s.source] ? "" : " via " + s.via.joined(separator: " → "))
    }

    /// `shell: system via speak → system, called from handle_chat at src/chat.cpp:14:5`.
    static func downstream(_ d: Path.Downstream) -> String {
        "\(d.operation): \(d.function)" + (d.via == [d.function] ? "" : " via " + d.via.joined(separator: " → "))
            + ", called from \(d.from) at \(location(d.at))"
    }

    static func location(_ l: Path.Location) -> String { "\(l.file):\(l.line):\(l.column)" }

    /// `stored-callback call at src/q.cpp:12:5` plus what connects it: `through server_queue::callback_new_task,
    /// bound at src/main.cpp:40:5`, or for a hand-off `through server_queue::queue_tasks, taken out at …`.
    /// Without the macro, which each format marks up its own way.
    public static func call(_ c: Frame.Call) -> String {
        "\(c.kind) call at \(c.file):\(c.line):\(c.column)" + (evidence(c).map { " " + $0 } ?? "")
    }

    /// The evidence of an inferred call alone: `through SLOT, bound at FILE:LINE:COLUMN`.
    static func evidence(_ c: Frame.Call) -> String? {
        guard let e = c.evidence else { return nil }
        let how = c.kind == "handoff" ? "taken out at" : "bound at"
        return "through \(e.slot), \(how) \(e.file):\(e.line):\(e.column)"
    }

    static let untrustedInput = "untrusted-input"
    static let flowsToSink = "flows-to-sink"

    /// The path's labels beyond `untrusted-input`, in order: `flows-to-sink`, `output-to-shell`, …
    static func flowLabels(_ p: Path) -> [String] { (p.labels ?? []).filter { $0 != untrustedInput } }

    /// `request [http-request] reaches argument 2 of llama_decode`.
    static func flowHead(_ f: Path.Flow, sink: String) -> String {
        let which = f.arguments.count == 1 ? "argument \(f.arguments[0])" : "arguments \(f.arguments.map(String.init).joined(separator: ", "))"
        return "\(f.source) [\(f.kind)] reaches \(which) of \(sink)"
    }

    /// `the model's output reaches shell: system`.
    static func outputHead(_ o: Path.OutputFlow) -> String { "the model's output reaches \(o.operation): \(o.function)" }

    /// A witness's steps grouped by function, one group a line: `evaluate: prompt (parameter 1) src/a.cpp:16 → c_str(…) :18`.
    /// The file is written when it changes; a helper off the path is marked `(helper)`.
    static func flowGroups(_ steps: [Path.FlowStep]) -> [String] {
        var lines: [String] = []
        var current: (function: String, frame: Int?)?
        var parts: [String] = []
        var lastFile: String?
        func flush() {
            guard let c = current else { return }
            lines.append(c.function + (c.frame == nil ? " (helper)" : "") + ": " + parts.joined(separator: " → "))
            parts = []
        }
        for step in steps {
            if current == nil || current!.function != step.function || current!.frame != step.frame {
                flush()
                current = (step.function, step.frame)
            }
            var part = step.value
            if let at = step.at {
                part += at.file == lastFile ? " :\(at.line)" : " \(at.file):\(at.line)"
                lastFile = at.file
            }
            parts.append(part)
        }
        flush()
        return lines
    }

    /// What the downstream list is, said once wherever it is shown.
    static let downstreamCaveat = "model output may reach (calls after the model call, within 3 calls; reachability only unless marked)"

    /// `shell: system via speak → system, called from … (data flow below)`.
    static func downstreamWithBasis(_ d: Path.Downstream) -> String {
        downstream(d) + (d.basis == "data-flow" ? " — the output's data flow reaches it (below)" : "")
    }
}
