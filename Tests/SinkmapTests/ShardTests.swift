import Crypto
import Foundation
import SinkmapCore
import SinkmapKit
import XCTest

/// `sinkmap scan --shard I/N --facts-out DIR` then `sinkmap merge DIR…` writes the bytes a single scan writes — JSON
/// (but `stats.seconds`) and SARIF — for 1, 2 and 5 shards, in any order of the folders; a shard set that does not
/// cover the scan exactly once, or that was parsed from other sources, is refused with exit 9 and the shard's name.
final class ShardTests: XCTestCase {
    /// A walk, a database with targets (program separation), .proto files read after parsing, sinkmap.yml and
    /// vendored code, units with parse errors.
    static let fixtures = ["demo-ai-service", "several-programs-compile-database", "grpc-without-generated-code",
                           "vendored-code", "parse-error-recovery"]

    func testOneTwoAndFiveShardsMergeToTheBytesOfOneScanOnFixtures() throws {
        for name in Self.fixtures {
            let t = try TempTree("sinkmap-shards-\(name)")
            try FileManager.default.removeItem(atPath: t.root)
            try FileManager.default.copyItem(atPath: Repo.fixture(name), toPath: t.root)
            try assertShardsMergeToOneScan(t, label: name)
        }
    }

    func testShardsOfAGenerated40UnitProjectMergeToTheBytesOfOneScan() throws {
        let t = try TempTree("sinkmap-shards-generated")
        try Self.generate(t, units: 40)
        let counts = try assertShardsMergeToOneScan(t, label: "generated")
        // The split is real: five shards, none holding everything, together every unit once.
        XCTAssertEqual(counts.reduce(0, +), 41)
        XCTAssertTrue(counts.allSatisfy { $0 < 41 }, "\(counts)")
        XCTAssertGreaterThanOrEqual(counts.filter { $0 > 0 }.count, 4, "\(counts)")
    }

    /// Runs the single scan and 1, 2 and 5 shards + merge in `t`; returns how many units each of the 5 shards parsed.
    @discardableResult
    func assertShardsMergeToOneScan(_ t: TempTree, label: String) throws -> [Int] {
        let flags = ["-q", "--no-cache", "-j", "2"]
        var single: [String: String] = [:]
        for format in ["json", "sarif"] {
            let r = try BuiltBinary.run(["scan", ".", "--format", format] + flags, in: t.root, timeout: 300)
            XCTAssertTrue(r.code == 0 || r.code == 5, "\(label) scan: \(r.all)")
            single[format] = format == "json" ? Self.withoutSeconds(r.stdout) : r.stdout
        }
        XCTAssertTrue(single["json"]!.contains("\"paths\" : ["), "\(label): no report")
        var perShard: [Int] = []
        for n in [1, 2, 5] {
            // Five shards each in a folder of its own (merged in shuffled order); fewer in one folder.
            let base = t.path(".shards-\(n)")
            var folders: [String] = []
            for i in 1...n {
                let dir = n == 5 ? base + "/s\(i)" : base
                let r = try BuiltBinary.run(["scan", ".", "--shard", "\(i)/\(n)", "--facts-out", dir] + flags, in: t.root, timeout: 300)
                XCTAssertEqual(r.code, 0, "\(label) shard \(i)/\(n): \(r.all)")
                XCTAssertTrue(r.stdout.hasPrefix("shard \(i) of \(n): "), r.stdout)
                if n == 5 {
                    perShard.append(Int(r.stdout.components(separatedBy: ": ")[1].components(separatedBy: " of ")[0]) ?? -1)
                }
                if !folders.contains(dir) { folders.append(dir) }
            }
            var orders = [folders]
            if n == 5 { orders = [[folders[3], folders[0], folders[4], folders[2], folders[1]], folders.reversed()] }
            for order in orders {
                for format in ["json", "sarif"] {
                    let r = try BuiltBinary.run(["merge"] + order + ["--format", format, "-q"], in: t.root, timeout: 300)
                    XCTAssertTrue(r.code == 0 || r.code == 5, "\(label) merge of \(n): \(r.all)")
                    let merged = format == "json" ? Self.withoutSeconds(r.stdout) : r.stdout
                    XCTAssertEqual(merged, single[format], "\(label): \(n) shards merged differ in \(format):\n"
                                   + DeterminismTests.firstDifference(merged, single[format]!))
                }
            }
        }
        return perShard
    }

    func testAMissingShardFailsWithItsNameAndAllowPartialReportsTheGap() throws {
        let t = try TempTree("sinkmap-shards-missing")
        try Self.generate(t, units: 12)
        let dir = t.path(".shards")
        for i in 1...3 { try runShard(t, i, 3, into: dir) }
        let manifest = try String(contentsOfFile: dir + "/shard-2-of-3.json", encoding: .utf8)
        let units = manifest.components(separatedBy: "\"key\" :").count - 1
        XCTAssertGreaterThan(units, 0, "shard 2 holds units")
        try FileManager.default.removeItem(atPath: dir + "/shard-2-of-3.json")
        let r = try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(r.code, 9, r.all)
        XCTAssertTrue(r.stderr.contains("shard 2 of 3 (shard-2-of-3.json) is missing"), r.stderr)
        XCTAssertTrue(r.stdout.isEmpty, "no report without --allow-partial")

        let partial = try BuiltBinary.run(["merge", dir, "-q", "--allow-partial", "--format", "json"], in: t.root, timeout: 120)
        XCTAssertEqual(partial.code, 0, partial.all)
        let report = try JSONSerialization.jsonObject(with: Data(partial.stdout.utf8)) as! [String: Any]
        let stats = report["stats"] as! [String: Any]
        XCTAssertEqual(stats["failedTranslationUnits"] as? Int, units)
        XCTAssertEqual(stats["translationUnits"] as? Int, 13)
        let messages = (report["diagnostics"] as! [[String: Any]]).compactMap { $0["message"] as? String }
        XCTAssertTrue(messages.contains("shard 2 of 3 is missing (--allow-partial): its \(units) translation \(units == 1 ? "unit was" : "units were") not analysed"),
                      "\(messages)")
        XCTAssertEqual(messages.filter { $0.hasPrefix("not analysed: shard 2 of 3 was not merged") }.count, units)

        // The gate: a missing shard is code not analysed (7), never a pass.
        let baseline = try BuiltBinary.run(["baseline", ".", "-q", "--no-cache", "--output", "b.json"], in: t.root, timeout: 300)
        XCTAssertEqual(baseline.code, 0, baseline.all)
        let check = try BuiltBinary.run(["check", ".", "-q", "--baseline", "b.json", "--facts", dir, "--allow-partial"], in: t.root, timeout: 120)
        // 7 (not analysed), or 1 when what the missing units held also changes the slice (an override gone): never 0.
        XCTAssertTrue([1, 7].contains(check.code), check.all)
        XCTAssertTrue(check.stdout.contains("missing-shard"), check.all)
        let refused = try BuiltBinary.run(["check", ".", "-q", "--baseline", "b.json", "--facts", dir], in: t.root, timeout: 120)
        XCTAssertEqual(refused.code, 9, refused.all)
        XCTAssertTrue(refused.stderr.contains("shard 2 of 3"), refused.stderr)
    }

    func testADuplicateShardAndMismatchedShardsFailNamingTheShard() throws {
        let t = try TempTree("sinkmap-shards-duplicate")
        try Self.generate(t, units: 8)
        let dir = t.path(".shards"), copy = t.path(".copy")
        for i in 1...2 { try runShard(t, i, 2, into: dir) }
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        for ext in ["json", "facts"] {
            try FileManager.default.copyItem(atPath: dir + "/shard-1-of-2." + ext, toPath: copy + "/shard-1-of-2." + ext)
        }
        let twice = try BuiltBinary.run(["merge", dir, copy, "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(twice.code, 9, twice.all)
        XCTAssertTrue(twice.stderr.contains("shard 1 of 2 is given twice: \(copy)/shard-1-of-2.json and \(dir)/shard-1-of-2.json"), twice.stderr)

        // A shard of another split (3 shards) mixed with a split in 2.
        let other3 = t.path(".other")
        try runShard(t, 3, 3, into: other3)
        let mixed = try BuiltBinary.run(["merge", dir, other3, "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(mixed.code, 9, mixed.all)
        XCTAssertTrue(mixed.stderr.contains("\(other3)/shard-3-of-3.json (shard 3 of 3): split the scan into 3 shards, another given shard into 2"), mixed.stderr)

        // Other flags: another compile database.
        let other = try BuiltBinary.run(["merge", dir, "-q", "--extra-arg=-DOTHER"], in: t.root, timeout: 120)
        XCTAssertEqual(other.code, 9, other.all)
        XCTAssertTrue(other.stderr.contains("(shard 1 of 2): made from another compile database or with other flags"), other.stderr)

        // A folder with no shard in it.
        let empty = try BuiltBinary.run(["merge", t.path("include"), "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(empty.code, 9, empty.all)
        XCTAssertTrue(empty.stderr.contains("no shard manifest"), empty.stderr)
    }

    func testADamagedOrForgedShardIsAClearErrorNeverACrash() throws {
        let t = try TempTree("sinkmap-shards-damaged")
        try Self.generate(t, units: 6)
        let dir = t.path(".shards")
        try runShard(t, 1, 1, into: dir)
        let factsPath = dir + "/shard-1-of-1.facts", manifestPath = dir + "/shard-1-of-1.json"
        let facts = try Data(contentsOf: URL(fileURLWithPath: factsPath))
        let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
        XCTAssertEqual(try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120).code, 0)

        // One byte flipped: the manifest's SHA-256 no longer matches.
        var flipped = facts
        flipped[flipped.count / 2] ^= 0x55
        try flipped.write(to: URL(fileURLWithPath: factsPath))
        var r = try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(r.code, 9, r.all)
        XCTAssertTrue(r.stderr.contains("shard-1-of-1.facts: damaged"), r.stderr)

        // Garbage whose hash the manifest is made to match: the decoder must refuse it, not crash or allocate wildly.
        var rng = SeededGenerator(seed: 16)
        for round in 0..<6 {
            var garbage = Data("sinkmap-shard-facts/v1\n".utf8)
            if round % 2 == 0 {
                garbage += Data((0..<2000).map { _ in UInt8.random(in: 0...255, using: &rng) })
            } else {
                // A plausible length, then a real entry with bytes overwritten.
                var body = facts
                for _ in 0..<8 { body[Int.random(in: 40..<body.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
                garbage = body
            }
            try garbage.write(to: URL(fileURLWithPath: factsPath))
            var forged = try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as! [String: Any]
            forged["facts"] = ["file": "shard-1-of-1.facts", "bytes": garbage.count,
                               "sha256": SHA256.hash(data: garbage).hexDigits]
            try JSONSerialization.data(withJSONObject: forged).write(to: URL(fileURLWithPath: manifestPath))
            r = try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120)
            XCTAssertEqual(r.code, 9, "round \(round): \(r.all)")
            XCTAssertTrue(r.stderr.contains("shard-1-of-1"), "round \(round): \(r.stderr)")
        }

        // A manifest that is not JSON, and one from another format version.
        try "{ not json".write(toFile: manifestPath, atomically: true, encoding: .utf8)
        r = try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(r.code, 9, r.all)
        XCTAssertTrue(r.stderr.contains("shard-1-of-1.json: not a shard manifest"), r.stderr)
        try manifest.replacingOccurrences(of: "sinkmap-shard/v1", with: "sinkmap-shard/v99").write(toFile: manifestPath, atomically: true, encoding: .utf8)
        r = try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(r.code, 9, r.all)
        XCTAssertTrue(r.stderr.contains("shard format sinkmap-shard/v99"), r.stderr)
    }

    /// The shared cache's soundness rule (issue 15) holds for shards: facts parsed from other sources are refused.
    func testShardsParsedFromOtherSourcesAreRefused() throws {
        let t = try TempTree("sinkmap-shards-sources")
        try Self.generate(t, units: 6)
        let dir = t.path(".shards")
        for i in 1...2 { try runShard(t, i, 2, into: dir) }
        XCTAssertEqual(try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120).code, 0)

        // A header that shadows the one found (its include search looked at src/layer0/api.h first).
        try t.write("src/layer0/api.h", "#define unit_0 llama_decode\n")
        var r = try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(r.code, 9, r.all)
        XCTAssertTrue(r.stderr.contains("src/layer0/api.h appeared"), r.stderr)
        try FileManager.default.removeItem(atPath: t.path("src/layer0/api.h"))

        // An edited source.
        let unit = t.path("src/layer1/unit1.cpp")
        try (String(contentsOfFile: unit, encoding: .utf8) + "\nint later() { return 1; }\n").write(toFile: unit, atomically: true, encoding: .utf8)
        r = try BuiltBinary.run(["merge", dir, "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(r.code, 9, r.all)
        XCTAssertTrue(r.stderr.contains("src/layer1/unit1.cpp was parsed from other sources: src/layer1/unit1.cpp is not the same file"), r.stderr)
    }

    /// `check --facts` decides exactly as `check` on the same tree.
    func testCheckOnShardFactsDecidesAsCheckOnTheTree() throws {
        let t = try TempTree("sinkmap-shards-check")
        try Self.generate(t, units: 10)
        let dir = t.path(".shards")
        for i in 1...3 { try runShard(t, i, 3, into: dir) }
        let baseline = try BuiltBinary.run(["baseline", ".", "-q", "--no-cache", "--output", "b.json"], in: t.root, timeout: 300)
        XCTAssertEqual(baseline.code, 0, baseline.all)
        let pass = try BuiltBinary.run(["check", ".", "--baseline", "b.json", "--facts", dir, "--format", "json"], in: t.root, timeout: 120)
        XCTAssertEqual(pass.code, 0, pass.all)
        XCTAssertTrue(pass.stdout.contains("\"outcome\" : \"pass\""), pass.stdout)

        // An approved path dropped from the baseline: both checks fail alike, with the same JSON.
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: t.path("b.json")))) as! [String: Any]
        var entries = json["entries"] as! [[String: Any]]
        XCTAssertFalse(entries.isEmpty)
        entries.removeFirst()
        json["entries"] = entries
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: t.path("b.json")))
        let merged = try BuiltBinary.run(["check", ".", "--baseline", "b.json", "--facts", dir, "--format", "json"], in: t.root, timeout: 120)
        let scanned = try BuiltBinary.run(["check", ".", "--baseline", "b.json", "--no-cache", "--format", "json"], in: t.root, timeout: 300)
        XCTAssertEqual(merged.code, 1, merged.all)
        XCTAssertEqual(scanned.code, 1, scanned.all)
        XCTAssertEqual(merged.stdout, scanned.stdout)
        let sarifMerged = try BuiltBinary.run(["check", ".", "--baseline", "b.json", "--facts", dir, "--format", "sarif"], in: t.root, timeout: 120)
        let sarifScanned = try BuiltBinary.run(["check", ".", "--baseline", "b.json", "--no-cache", "--format", "sarif"], in: t.root, timeout: 300)
        XCTAssertEqual(sarifMerged.stdout, sarifScanned.stdout)
        XCTAssertTrue(sarifMerged.stdout.contains("\"baselineState\" : \"new\""), sarifMerged.stdout)
    }

    /// The manifest validates against the schema published in the docs.
    func testTheManifestValidatesAgainstTheSchemaInTheDocs() throws {
        let t = try TempTree("sinkmap-shards-schema")
        try Self.generate(t, units: 4)
        try runShard(t, 1, 2, into: t.path(".shards"))
        try runShard(t, 2, 2, into: t.path(".shards"))
        guard let python = [ExternalTool.locate("python3"), "/usr/bin/python3"].compactMap({ $0 }).first(where: {
            FileManager.default.isExecutableFile(atPath: $0) && ((try? ExternalTool.run($0, ["-c", "import jsonschema"]).code) == 0)
        }) else { throw XCTSkip("python3 with jsonschema is not installed (make setup-render-tools)") }
        for i in 1...2 {
            let run = try ExternalTool.run(python, ["-c", SARIFExporterTests.validator, Repo.root + "/Docs/schemas/sinkmap-shard.schema.json",
                                                    t.path(".shards/shard-\(i)-of-2.json")])
            XCTAssertEqual(run.code, 0, "shard-\(i)-of-2.json does not validate against Docs/schemas/sinkmap-shard.schema.json:\n\(run.text)\(run.stderr)")
        }
        // The schema is not vacuous: a manifest without its units fails.
        var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: t.path(".shards/shard-1-of-2.json")))) as! [String: Any]
        manifest.removeValue(forKey: "units")
        try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: t.path("bad.json")))
        let bad = try ExternalTool.run(python, ["-c", SARIFExporterTests.validator, Repo.root + "/Docs/schemas/sinkmap-shard.schema.json", t.path("bad.json")])
        XCTAssertNotEqual(bad.code, 0)
    }

    func testShardFlagsAreChecked() throws {
        let demo = Repo.fixture("demo-ai-service")
        for (args, message) in [(["--shard", "1/2"], "--shard needs --facts-out"),
                                (["--shard", "0/2", "--facts-out", "x"], "--shard 0/2"),
                                (["--shard", "3/2", "--facts-out", "x"], "--shard 3/2"),
                                (["--shard", "1/2", "--facts-out", "x", "--format", "json"], "write facts, not a report")] {
            let r = try BuiltBinary.run(["scan", demo, "-q"] + args, in: Repo.root)
            XCTAssertEqual(r.code, 2, "\(args): \(r.all)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }

    /// The split depends on a unit's path alone: adding files moves none, and a fifth shard takes about a fifth.
    func testTheSplitIsStableAndBalanced() {
        let paths = (0..<2000).map { "src/module\($0 % 37)/file\($0).cpp" }
        let four = paths.map { ShardSpec.shard(of: $0, count: 4) }
        let five = paths.map { ShardSpec.shard(of: $0, count: 5) }
        XCTAssertTrue(four.allSatisfy { (1...4).contains($0) })
        for s in 1...4 {
            let share = Double(four.filter { $0 == s }.count) / Double(paths.count)
            XCTAssertTrue((0.2...0.3).contains(share), "shard \(s) of 4 holds \(share)")
        }
        // Going from 4 to 5 shards moves only units to the new shard: about 1/5 of them.
        let moved = zip(four, five).filter { $0 != $1 }
        XCTAssertTrue(moved.allSatisfy { $0.1 == 5 }, "a unit moved between old shards")
        XCTAssertTrue((0.15...0.25).contains(Double(moved.count) / Double(paths.count)), "\(moved.count) moved")
        // A known value, so the split never changes silently (shards of one workflow must agree across versions).
        XCTAssertEqual(ShardSpec.shard(of: "src/main.cpp", count: 1), 1)
        XCTAssertEqual([3, 7, 64].map { ShardSpec.shard(of: "src/main.cpp", count: $0) }, [2, 6, 6])
        XCTAssertNil(ShardSpec(parsing: "0/4"))
        XCTAssertNil(ShardSpec(parsing: "5/4"))
        XCTAssertNil(ShardSpec(parsing: "1/0"))
        XCTAssertNil(ShardSpec(parsing: "a/b"))
        XCTAssertNil(ShardSpec(parsing: "1/4/2"))
        XCTAssertEqual(ShardSpec(parsing: "2/4"), ShardSpec(index: 2, count: 4))
    }

    // MARK: - Helpers

    private func runShard(_ t: TempTree, _ i: Int, _ n: Int, into dir: String) throws {
        let r = try BuiltBinary.run(["scan", ".", "-q", "--no-cache", "--shard", "\(i)/\(n)", "--facts-out", dir], in: t.root, timeout: 300)
        XCTAssertEqual(r.code, 0, r.all)
    }

    static func withoutSeconds(_ json: String) -> String {
        json.replacingOccurrences(of: #""seconds" : [0-9.e+-]+"#, with: #""seconds" : 0"#, options: .regularExpression)
    }

    /// A small project in layers, like the bench's (`SyntheticProject`) without the standard headers: unit k calls
    /// the next unit, overrides `Handler::run`, fills a function-pointer table; every fifth calls a llama
    /// function; `main` reads argv. With a compile_commands.json (`-Iinclude`), so each quoted `api.h` is first
    /// looked for in the unit's own folder.
    static func generate(_ t: TempTree, units: Int) throws {
        try t.write("include/llama.h", """
            #pragma once
            struct llama_context;
            int llama_decode(struct llama_context *ctx, int batch);
            int llama_tokenize(const char *text, int n);
            struct llama_model *llama_load_model_from_file(const char *path, int params);

            """)
        var api = "#pragma once\nstruct Handler { virtual ~Handler() {} virtual int run(int x) = 0; };\ntypedef int (*op_fn)(int);\n"
        for k in 0..<units { api += "int unit_\(k)(int x);\nHandler *make_\(k)();\n" }
        try t.write("include/api.h", api)
        var entries: [[String: Any]] = []
        for k in 0..<units {
            let file = "src/layer\(k % 8)/unit\(k).cpp"
            var body = "#include \"api.h\"\n#include \"llama.h\"\n\n"
            body += "static int local_\(k)(int x) { return x + \(k); }\n"
            body += "static op_fn table_\(k)[] = { local_\(k) };\n"
            body += "struct Handler\(k) : Handler { int run(int x) override { return unit_\(k)(x); } };\n"
            body += "Handler *make_\(k)() { static Handler\(k) h; return &h; }\n"
            body += "int unit_\(k)(int x) {\n    int r = table_\(k)[0](x);\n"
            // Down the layers, one way: with a virtual call reaching every override, more would multiply the paths.
            if k + 1 < units { body += "    r += unit_\(k + 1)(r);\n" }
            switch k % 5 {
            case 0: body += "    r += llama_decode(0, r);\n"
            case 1: body += "    r += llama_tokenize(\"text\", r);\n"
            case 2: if k % 10 == 2 { body += "    r += llama_load_model_from_file(\"m.gguf\", r) != 0;\n" }
            default: break
            }
            body += "    return r;\n}\n"
            try t.write(file, body)
            entries.append(["directory": t.root, "file": file, "arguments": ["c++", "-Iinclude", "-std=c++17", "-c", file]])
        }
        try t.write("src/main.cpp", """
            #include "api.h"
            int main(int argc, char **argv) {
                Handler *h = make_3();
                return unit_0(argc) + h->run(argv[0][0]);
            }

            """)
        entries.append(["directory": t.root, "file": "src/main.cpp", "arguments": ["c++", "-Iinclude", "-std=c++17", "-c", "src/main.cpp"]])
        try t.writeDatabase("compile_commands.json", entries)
    }
}
