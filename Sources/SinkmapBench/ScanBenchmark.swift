import Foundation
import SinkmapReport

/// The scan figures, measured in one run on one machine: the clang baseline, then a cold scan (fresh cache),
/// a warm re-scan (nothing changed), a re-scan after editing one .cpp file, one after adding a comment near the top
/// of the shared header and one after changing a token in it — each re-scan on the cold scan's cache.
struct ScanBenchmark {
    var sinkmap: String
    var clang: String
    var root: String
    /// Folder holding compile_commands.json when it is not at `root`.
    var buildDir: String?
    var jobs: Int
    /// Scratch folder for the cache and the reports.
    var work: String
    /// The .cpp file edited for the third figure (restored afterwards).
    var touched: String
    /// The header every unit includes, edited for the fourth and fifth figures (restored afterwards, byte for byte);
    /// nil: those two are not measured.
    var sharedHeader: String?

    struct Scan {
        var run: Subprocess.Result
        var units: Int
        var parsed: Int
        var paths: Int
    }

    struct Result {
        var clangSeconds: Double
        var clangCPUSeconds: Double
        var clangUnits: Int
        var clangFailures: Int
        var clangMaxRSS: Int
        var cold: Scan
        var warm: Scan
        var edited: Scan
        /// After a comment line near the top of the shared header: every later line moves, no token changes.
        var commented: Scan?
        /// After a declaration added to the shared header: the units including it have to be parsed again.
        var retokened: Scan?
        var sharded: Sharded?
    }

    /// Figure 6: `shards` shard runs one after another (each with a fresh cache, as the cold scan), then the merge.
    struct Sharded {
        var shards: Int
        var shardRuns: [Subprocess.Result]
        var merge: Subprocess.Result
        /// The merged JSON report is the cold scan's, but `stats.seconds`.
        var sameReport: Bool
        var shardCPUSeconds: Double { shardRuns.reduce(0) { $0 + $1.cpuSeconds } }
        var shardSeconds: Double { shardRuns.reduce(0) { $0 + $1.seconds } }
    }

    /// Shards used for figure 6 (0: not measured).
    var shards = 4

    func run(progress: (String) -> Void) throws -> Result {
        let entries = try CompileCommands(path: (buildDir ?? root) + "/compile_commands.json").entries
        guard !entries.isEmpty else { throw BenchError("no entries in the compilation database") }

        // One untimed run so the first timed unit does not pay for a cold disk cache.
        _ = try Subprocess.run([clang] + entries[0].arguments, directory: entries[0].directory)
        progress("clang -fsyntax-only on \(entries.count) units, one at a time")
        var clangSeconds = 0.0, clangCPU = 0.0, failures = 0, clangRSS = 0
        for e in entries {
            let r = try Subprocess.run([clang] + e.arguments, directory: e.directory)
            clangSeconds += r.seconds
            clangCPU += r.cpuSeconds
            clangRSS = max(clangRSS, r.maxProcessRSS)
            if r.status != 0 { failures += 1 }
        }

        let cache = work + "/cache"
        try? FileManager.default.removeItem(atPath: cache)
        progress("cold scan (\(jobs) jobs, fresh cache)")
        let cold = try scan("cold")
        progress("warm re-scan")
        let warm = try scan("warm")
        progress("re-scan after editing \(touched)")
        let original = try Data(contentsOf: URL(fileURLWithPath: touched))
        let edit = "\nint sinkmap_bench_edit_\(getpid())(int x) { return x + 1; }\n"
        try (original + Data(edit.utf8)).write(to: URL(fileURLWithPath: touched))
        defer { try? original.write(to: URL(fileURLWithPath: touched)) }
        let edited = try scan("edited")
        try original.write(to: URL(fileURLWithPath: touched))
        var commented: Scan?, retokened: Scan?
        if let sharedHeader {
            // The restored .cpp differs from what the last scan cached: parse it again first, unmeasured, so that
            // figure 4 measures the comment alone.
            _ = try scan("restored")
            (commented, retokened) = try editHeader(sharedHeader, progress: progress)
        }
        var sharded: Sharded?
        if shards > 0 {
            progress("\(shards) shards one after another, then the merge")
            sharded = try shardAndMerge()
        }
        return Result(clangSeconds: clangSeconds, clangCPUSeconds: clangCPU, clangUnits: entries.count, clangFailures: failures,
                      clangMaxRSS: clangRSS, cold: cold, warm: warm, edited: edited, commented: commented,
                      retokened: retokened, sharded: sharded)
    }

    /// Figures 4 and 5: a comment line inserted after the header's include guard (so every following line moves by
    /// one), a re-scan; then a declaration inserted at the same place (one token change since that scan), a re-scan.
    private func editHeader(_ header: String, progress: (String) -> Void) throws -> (Scan, Scan) {
        let url = URL(fileURLWithPath: header)
        let original = try Data(contentsOf: url)
        defer { try? original.write(to: url) }
        // Lines as bytes, so a header that is not UTF-8 keeps every other byte while it is edited.
        var lines = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
        let at = Self.afterIncludeGuard(lines.map { String(decoding: $0, as: UTF8.self) })
        func write() throws { try Data(lines.joined(separator: [UInt8(ascii: "\n")])).write(to: url) }
        progress("re-scan after a comment near the top of \(header)")
        lines.insert(Data("// sinkmap bench: a comment".utf8), at: at)
        try write()
        let commented = try scan("header-comment")
        progress("re-scan after a token change in \(header)")
        lines.insert(Data("int sinkmap_bench_token_\(getpid())(int);".utf8), at: at)
        try write()
        let retokened = try scan("header-token")
        try original.write(to: url)
        return (commented, retokened)
    }

    /// The line after `#pragma once`, or after the `#define` of an `#ifndef` guard, when that is the header's first
    /// directive; else the first line.
    static func afterIncludeGuard(_ lines: [String]) -> Int {
        let directives = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        guard let first = directives.first else { return 0 }
        let words = { (i: Int) in lines[i].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "#" }) }
        if words(first).starts(with: ["pragma", "once"]) { return first + 1 }
        if words(first).first == "ifndef", directives.count > 1, words(directives[1]).first == "define" {
            return directives[1] + 1
        }
        return 0
    }

    /// `sinkmap scan --shard I/N --facts-out` for every I, then `sinkmap merge`; the merged report is compared with the
    /// cold scan's.
    private func shardAndMerge() throws -> Sharded {
        let facts = work + "/facts"
        try? FileManager.default.removeItem(atPath: facts)
        var runs: [Subprocess.Result] = []
        for i in 1...shards {
            let cache = work + "/shard-cache-\(i)"
            try? FileManager.default.removeItem(atPath: cache)
            var argv = [sinkmap, "scan", root, "-q", "--jobs", String(jobs), "--cache-dir", cache,
                        "--shard", "\(i)/\(shards)", "--facts-out", facts]
            if let buildDir { argv += ["-p", buildDir] }
            let run = try Subprocess.run(argv, log: work + "/shard-\(i).log")
            guard run.status == 0 else {
                throw BenchError("sinkmap scan --shard \(i)/\(shards) exited with \(run.status):\n" + ((try? String(contentsOfFile: work + "/shard-\(i).log", encoding: .utf8)) ?? ""))
            }
            runs.append(run)
        }
        let report = work + "/report-merged.json"
        var argv = [sinkmap, "merge", facts, "--root", root, "-q", "--format", "json", "--output", report]
        if let buildDir { argv += ["-p", buildDir] }
        let merge = try Subprocess.run(argv, log: work + "/merge.log")
        guard merge.status == 0 else {
            throw BenchError("sinkmap merge exited with \(merge.status):\n" + ((try? String(contentsOfFile: work + "/merge.log", encoding: .utf8)) ?? ""))
        }
        func comparable(_ file: String) -> String {
            ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("\"seconds\" :") && !$0.contains("\"cachedTranslationUnits\" :") }.joined(separator: "\n")
        }
        return Sharded(shards: shards, shardRuns: runs, merge: merge,
                       sameReport: comparable(report) == comparable(work + "/report-cold.json"))
    }

    private func scan(_ name: String) throws -> Scan {
        let report = work + "/report-\(name).json"
        var argv = [sinkmap, "scan", root, "-q", "--jobs", String(jobs), "--cache-dir", work + "/cache",
                    "--format", "json", "--output", report]
        if let buildDir { argv += ["-p", buildDir] }
        let run = try Subprocess.run(argv, log: work + "/scan-\(name).log", sampleTree: true)
        guard run.status == 0 else {
            let log = (try? String(contentsOfFile: work + "/scan-\(name).log", encoding: .utf8)) ?? ""
            throw BenchError("sinkmap scan exited with \(run.status):\n\(log)")
        }
        let r = try JSONDecoder().decode(Report.self, from: Data(contentsOf: URL(fileURLWithPath: report)))
        let units = r.stats.translationUnits
        return Scan(run: run, units: units, parsed: units - (r.stats.cachedTranslationUnits ?? 0),
                    paths: r.pathCounts.reduce(0) { $0 + $1.total })
    }
}

