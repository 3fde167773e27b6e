import Foundation

/// The five figures, each with its target and PASS/MISS.
struct FigureTable {
    var engine: EngineBenchmark.Result?
    var scan: ScanBenchmark.Result?
    var cores: Int
    var jobs: Int
    var functions: Int
    var calls: Int

    private struct Row {
        var label: String
        var figure: String
        var target: String
        var verdict: String
        var detail: String
    }

    func print() {
        var rows: [Row] = []
        if let s = scan {
            let coldRatio = s.cold.run.seconds / s.clangSeconds
            rows.append(Row(label: "1 cold scan ÷ clang -fsyntax-only (sum)", figure: Self.fixed(coldRatio, 2),
                            target: "≤ 0.60", verdict: Self.verdict(coldRatio <= 0.6),
                            detail: "\(Self.seconds(s.cold.run.seconds)) with \(jobs) jobs vs \(Self.seconds(s.clangSeconds)) for \(s.clangUnits) units one at a time"
                                + (s.clangFailures > 0 ? "; clang failed on \(s.clangFailures)" : "")
                                + "; CPU \(Self.seconds(s.cold.run.cpuSeconds)) vs \(Self.seconds(s.clangCPUSeconds)) (\(Self.fixed(s.cold.run.cpuSeconds / s.clangCPUSeconds, 2))×)"))
            let warmRatio = s.warm.run.seconds / s.cold.run.seconds
            rows.append(Row(label: "2 warm re-scan ÷ cold", figure: Self.fixed(warmRatio, 3),
                            target: "≤ 0.05", verdict: Self.verdict(warmRatio <= 0.05),
                            detail: "\(Self.seconds(s.warm.run.seconds)); \(s.warm.parsed) of \(s.warm.units) units parsed"))
            let editRatio = s.edited.run.seconds / s.cold.run.seconds
            rows.append(Row(label: "3 re-scan after editing one .cpp ÷ cold", figure: Self.fixed(editRatio, 3),
                            target: "≤ 0.15", verdict: Self.verdict(editRatio <= 0.15),
                            detail: "\(Self.seconds(s.edited.run.seconds)); \(s.edited.parsed) of \(s.edited.units) units parsed"))
        }
        if let e = engine {
            let ok = e.engineSeconds < 1 && e.peakGrowth < 1 << 30
            rows.append(Row(label: "4 engine: reachability + path counts", figure: "\(Self.seconds(e.engineSeconds)), \(Self.mib(e.peakGrowth))",
                            target: "< 1 s, < 1 GiB", verdict: Self.verdict(ok),
                            detail: "CPU \(Self.seconds(e.engineCPUSeconds)); \(functions) functions, \(calls) calls, \(e.entries) entry points; \(e.reached) reach a sink, "
                                + "\(e.sinksReached) sinks reached (\(e.saturated) saturated); graph built in \(Self.seconds(e.buildSeconds)); memory includes the graph"))
        }
        if let s = scan {
            rows.append(Row(label: "5 peak memory of the cold scan", figure: Self.mib(s.cold.run.peakTreeRSS),
                            target: "(reported)", verdict: "—",
                            detail: "all sinkmap processes together; largest single process \(Self.mib(s.cold.run.maxProcessRSS)); clang's largest unit \(Self.mib(s.clangMaxRSS))"))
        }
        if let s = scan, let d = s.sharded {
            let cpuRatio = (d.shardCPUSeconds + d.merge.cpuSeconds) / s.cold.run.cpuSeconds
            rows.append(Row(label: "6 \(d.shards) shards + merge, CPU ÷ cold scan CPU", figure: Self.fixed(cpuRatio, 2),
                            target: "≤ 1.10", verdict: Self.verdict(cpuRatio <= 1.1),
                            detail: "shards CPU \(Self.seconds(d.shardCPUSeconds)) (wall \(Self.seconds(d.shardSeconds)) one after another), merge CPU \(Self.seconds(d.merge.cpuSeconds)); "
                                + "cold CPU \(Self.seconds(s.cold.run.cpuSeconds)); merged report \(d.sameReport ? "identical to the cold scan's" : "DIFFERS from the cold scan's")"))
            let mergeRatio = d.merge.seconds / s.cold.run.seconds
            rows.append(Row(label: "7 merge alone ÷ cold scan", figure: Self.fixed(mergeRatio, 3),
                            target: "≤ 0.05", verdict: Self.verdict(mergeRatio <= 0.05),
                            detail: "\(Self.seconds(d.merge.seconds)) (CPU \(Self.seconds(d.merge.cpuSeconds))) vs \(Self.seconds(s.cold.run.seconds)); per shard: "
                                + d.shardRuns.map { Self.seconds($0.seconds) }.joined(separator: ", ")))
        }
        let w0 = rows.map(\.label.count).max() ?? 0
        let w1 = max(rows.map(\.figure.count).max() ?? 0, 6)
        let w2 = rows.map(\.target.count).max() ?? 0
        Swift.print("figure".padding(toLength: w0, withPad: " ", startingAt: 0) + "  " + "value".padding(toLength: w1, withPad: " ", startingAt: 0)
                    + "  " + "target".padding(toLength: w2, withPad: " ", startingAt: 0) + "  result")
        for r in rows {
            Swift.print(r.label.padding(toLength: w0, withPad: " ", startingAt: 0) + "  "
                        + r.figure.padding(toLength: w1, withPad: " ", startingAt: 0) + "  "
                        + r.target.padding(toLength: w2, withPad: " ", startingAt: 0) + "  " + r.verdict)
            Swift.print("    " + r.detail)
        }
        if let s = scan {
            Swift.print("paths found: cold \(s.cold.paths), warm \(s.warm.paths), after the edit \(s.edited.paths)"
                        + (s.cold.paths == s.warm.paths ? "" : "  (MISMATCH: the warm scan should find the same paths)"))
        }
    }

    static func verdict(_ ok: Bool) -> String { ok ? "PASS" : "MISS" }
    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
    static func seconds(_ s: Double) -> String { s < 10 ? String(format: "%.2f s", s) : String(format: "%.1f s", s) }
    static func mib(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }
}
