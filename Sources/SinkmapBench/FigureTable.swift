import Foundation

/// The figures, each with its target and PASS/MISS.
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
            // CPU, not wall: other load on the machine inflates wall time, and clang's sum is one unit at a time.
            let coldRatio = s.cold.run.cpuSeconds / s.clangCPUSeconds
            rows.append(Row(label: "1 cold scan CPU ÷ clang -fsyntax-only CPU (sum)", figure: Self.fixed(coldRatio, 2),
                            target: "≤ 0.50", verdict: Self.verdict(coldRatio <= 0.5),
                            detail: "CPU \(Self.seconds(s.cold.run.cpuSeconds)) (sinkmap and its workers) vs \(Self.seconds(s.clangCPUSeconds)) for \(s.clangUnits) units one at a time"
                                + (s.clangFailures > 0 ? "; clang failed on \(s.clangFailures)" : "")
                                + "; wall \(Self.seconds(s.cold.run.seconds)) with \(jobs) jobs vs \(Self.seconds(s.clangSeconds)) (\(Self.fixed(s.cold.run.seconds / s.clangSeconds, 2))×)"))
            rows.append(Self.rescan("2 warm re-scan ÷ cold", s.warm, cold: s.cold, target: 0.03))
            rows.append(Self.rescan("3 re-scan after editing one .cpp ÷ cold", s.edited, cold: s.cold, target: 0.05))
            let skipped = "not measured: --project without --header (name the header every unit includes)"
            if let c = s.commented {
                rows.append(Self.rescan("4 re-scan after a comment in the shared header ÷ cold", c, cold: s.cold, target: 0.05))
            } else {
                rows.append(Row(label: "4 re-scan after a comment in the shared header ÷ cold", figure: "—", target: "≤ 0.05",
                                verdict: "SKIP", detail: skipped))
            }
            if let t = s.retokened {
                rows.append(Self.rescan("5 re-scan after a token change in the shared header ÷ cold", t, cold: s.cold, target: nil))
            } else {
                rows.append(Row(label: "5 re-scan after a token change in the shared header ÷ cold", figure: "—", target: "(reported)",
                                verdict: "SKIP", detail: skipped))
            }
        }
        if let e = engine {
            let ok = e.engineSeconds < 1 && e.peakGrowth < 1 << 30
            rows.append(Row(label: "6 engine: reachability + path counts", figure: "\(Self.seconds(e.engineSeconds)), \(Self.mib(e.peakGrowth))",
                            target: "< 1 s, < 1 GiB", verdict: Self.verdict(ok),
                            detail: "CPU \(Self.seconds(e.engineCPUSeconds)); \(functions) functions, \(calls) calls, \(e.entries) entry points; \(e.reached) reach a sink, "
                                + "\(e.sinksReached) sinks reached (\(e.saturated) saturated); graph built in \(Self.seconds(e.buildSeconds)); memory includes the graph"))
        }
        if let s = scan {
            rows.append(Row(label: "7 peak memory of the cold scan", figure: Self.mib(s.cold.run.peakTreeRSS),
                            target: "(reported)", verdict: "—",
                            detail: "all sinkmap processes together; largest single process \(Self.mib(s.cold.run.maxProcessRSS)); clang's largest unit \(Self.mib(s.clangMaxRSS))"))
        }
        if let s = scan, let d = s.sharded {
            let cpuRatio = (d.shardCPUSeconds + d.merge.cpuSeconds) / s.cold.run.cpuSeconds
            rows.append(Row(label: "8 \(d.shards) shards + merge, CPU ÷ cold scan CPU", figure: Self.fixed(cpuRatio, 2),
                            target: "≤ 1.10", verdict: Self.verdict(cpuRatio <= 1.1),
                            detail: "shards CPU \(Self.seconds(d.shardCPUSeconds)) (wall \(Self.seconds(d.shardSeconds)) one after another), merge CPU \(Self.seconds(d.merge.cpuSeconds)); "
                                + "cold CPU \(Self.seconds(s.cold.run.cpuSeconds)); merged report \(d.sameReport ? "identical to the cold scan's" : "DIFFERS from the cold scan's")"))
            let mergeRatio = d.merge.seconds / s.cold.run.seconds
            rows.append(Row(label: "9 merge alone ÷ cold scan", figure: Self.fixed(mergeRatio, 3),
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
            // A comment changes no token, so that re-scan has to find what the cold scan found, like the warm one.
            let same = s.cold.paths == s.warm.paths && (s.commented.map { $0.paths == s.cold.paths } ?? true)
            Swift.print("paths found: cold \(s.cold.paths), warm \(s.warm.paths), after the edit \(s.edited.paths)"
                        + (s.commented.map { ", after the header comment \($0.paths)" } ?? "")
                        + (s.retokened.map { ", after the header token change \($0.paths)" } ?? "")
                        + (same ? "" : "  (MISMATCH: the warm and header-comment scans should find the cold scan's paths)"))
        }
    }

    /// A re-scan's wall time over the cold scan's, with its CPU time and the units it parsed; no target: reported only.
    private static func rescan(_ label: String, _ r: ScanBenchmark.Scan, cold: ScanBenchmark.Scan, target: Double?) -> Row {
        let ratio = r.run.seconds / cold.run.seconds
        return Row(label: label, figure: fixed(ratio, 3),
                   target: target.map { "≤ \(fixed($0, 2))" } ?? "(reported)",
                   verdict: target.map { verdict(ratio <= $0) } ?? "—",
                   detail: "wall \(seconds(r.run.seconds)), CPU \(seconds(r.run.cpuSeconds)); \(r.parsed) of \(r.units) units parsed")
    }

    static func verdict(_ ok: Bool) -> String { ok ? "PASS" : "MISS" }
    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
    static func seconds(_ s: Double) -> String { s < 10 ? String(format: "%.2f s", s) : String(format: "%.1f s", s) }
    static func mib(_ bytes: Int) -> String { "\(bytes >> 20) MiB" }
}
