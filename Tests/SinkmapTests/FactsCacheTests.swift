import Crypto
import Foundation
import SinkmapKit
import SinkmapReport
import XCTest

/// The per-unit cache: reused when nothing changed, invalidated by any file a unit read, and never trusting an
/// entry it cannot authenticate.
final class FactsCacheTests: XCTestCase {
    func makeTree() throws -> TempTree {
        let tree = try TempTree("sinkmap-cache")
        try tree.write("include/llama.h", """
            struct llama_context;
            int llama_decode(struct llama_context * ctx, int n);
            """)
        try tree.write("include/shared.h", "int shared_step(struct llama_context * ctx);\n")
        try tree.write("src/main.c", """
            #include "shared.h"
            int main(void) { return shared_step(0); }
            """)
        try tree.write("src/shared.c", """
            #include "llama.h"
            #include "shared.h"
            int shared_step(struct llama_context * ctx) { return llama_decode(ctx, 1); }
            """)
        try tree.write("src/other.c", "int other(void) { return 0; }\n")
        return tree
    }

    func scan(_ tree: TempTree, cache: String) throws -> Report {
        try Scanning.scan(tree.root) { $0.cacheDirectory = cache }
    }

    /// A cache that cannot be opened (here: its key file's folder cannot be created) is said, in stderr and the JSON
    /// diagnostics, and the scan still runs and finds its paths.
    func testACacheThatCannotBeOpenedIsSaid() throws {
        let tree = try makeTree()
        let blocker = tree.root + "/not-a-folder"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        let run = try BuiltBinary.run(["scan", ".", "--format", "json", "--cache-dir", tree.root + "/.cache-here"],
                                      in: tree.root, environment: ["XDG_CACHE_HOME": blocker + "/xdg"])
        XCTAssertEqual(run.code, 0, run.all)
        XCTAssertTrue(run.stderr.contains("sinkmap: warning: \(tree.root)/.cache-here: the facts cache could not be opened (its folder, or the key file \(blocker)/xdg/sinkmap/cache-key, cannot be created or read); no cache was used"), run.stderr)
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        XCTAssertEqual(report.diagnostics.filter { $0.message.hasPrefix("the facts cache could not be opened") }.map(\.file),
                       [tree.root + "/.cache-here"])
        XCTAssertEqual(report.paths.count, 1)
        // A shard says it too (its facts are right, only every shard of the workflow is slower).
        let shard = try BuiltBinary.run(["scan", ".", "--shard", "1/1", "--facts-out", tree.root + "/shards",
                                         "--cache-dir", tree.root + "/.cache-here"],
                                        in: tree.root, environment: ["XDG_CACHE_HOME": blocker + "/xdg"])
        XCTAssertEqual(shard.code, 0, shard.all)
        XCTAssertTrue(shard.stderr.contains("sinkmap: warning: \(tree.root)/.cache-here: the facts cache could not be opened"), shard.stderr)
        // With a key file that can be written, no such warning.
        let fine = try BuiltBinary.run(["scan", ".", "--format", "json", "--cache-dir", tree.root + "/.cache-here"],
                                       in: tree.root, environment: ["XDG_CACHE_HOME": tree.root + "/xdg-ok"])
        XCTAssertEqual(fine.code, 0, fine.all)
        XCTAssertFalse(fine.stderr.contains("could not be opened"), fine.stderr)
    }

    func testWarmScanReusesEveryUnitAndGivesTheSameReport() throws {
        let tree = try makeTree()
        let cache = tree.path("cache")
        var cold = try scan(tree, cache: cache)
        XCTAssertNil(cold.stats.cachedTranslationUnits)
        var warm = try scan(tree, cache: cache)
        XCTAssertEqual(warm.stats.cachedTranslationUnits, 3)
        cold.stats.seconds = 0; warm.stats.seconds = 0; warm.stats.cachedTranslationUnits = nil
        XCTAssertEqual(cold, warm)
        XCTAssertEqual(Scanning.lines(warm), ["llama.cpp/decode: main -(direct)-> shared_step -(direct)-> llama_decode"])
    }

    func testEditingAHeaderReparsesExactlyTheUnitsIncludingIt() throws {
        let tree = try makeTree()
        let cache = tree.path("cache")
        _ = try scan(tree, cache: cache)
        // shared.h is included by main.c and shared.c, not by other.c. A token changes (a comment would not count).
        try tree.write("include/shared.h", "int shared_step(struct llama_context * ctx); int edited;\n")
        let after = try scan(tree, cache: cache)
        XCTAssertEqual(after.stats.cachedTranslationUnits, 1)
        let again = try scan(tree, cache: cache)
        XCTAssertEqual(again.stats.cachedTranslationUnits, 3)
    }

    /// A header with an inline body on the path, for the token-keyed entries below.
    func makeInlineTree(header: String) throws -> TempTree {
        let tree = try TempTree("sinkmap-tokens")
        try tree.write("include/llama.h", """
            struct llama_context;
            int llama_decode(struct llama_context * ctx, int n);
            """)
        try tree.write("include/step.h", header)
        try tree.write("src/main.cpp", """
            #include "step.h"
            int main() { return step([](int n) { return n; }); }
            """)
        try tree.write("src/other.cpp", "int other() { return 0; }\n")
        return tree
    }

    static let inlineHeader = """
        #pragma once
        #include "llama.h"
        template <class F> int step(F f) {
            return llama_decode(nullptr, f(1));
        }
        """

    func freshAndCached(_ tree: TempTree, cache: String, trustsTimestamps: Bool = true) throws -> (fresh: Report, cached: Report) {
        var cached = try Scanning.scan(tree.root) { $0.cacheDirectory = cache; $0.cacheTrustsTimestamps = trustsTimestamps }
        var fresh = try Scanning.scan(tree.root) { $0.cacheDirectory = nil }
        fresh.stats.seconds = 0; cached.stats.seconds = 0
        return (fresh, cached)
    }

    /// A comment added to a header changes no token: the units that read it keep their entries, and their positions
    /// move so the report is exactly a fresh scan's (the call in the header is two lines further down).
    func testACommentInAHeaderKeepsItsDependantsWithTheirLinesMoved() throws {
        let tree = try makeInlineTree(header: Self.inlineHeader)
        let cache = tree.path("cache")
        let before = try scan(tree, cache: cache)
        XCTAssertEqual(before.paths.first?.frames.dropLast().last?.call?.line, 4)
        try tree.write("include/step.h", Self.inlineHeader.replacingOccurrences(
            of: "#include \"llama.h\"\n", with: "#include \"llama.h\"\n// why step exists\n/* and\n   more */\n")
            .replacingOccurrences(of: "(nullptr, f(1));", with: "(nullptr,   f(1));  // the model"))
        var (fresh, cached) = try freshAndCached(tree, cache: cache)
        XCTAssertEqual(cached.stats.cachedTranslationUnits, 2)
        XCTAssertEqual(cached.paths.first?.frames.dropLast().last?.call?.line, 7)
        cached.stats.cachedTranslationUnits = nil
        XCTAssertEqual(fresh, cached)
        // Stored again under the new text: the next scan is a plain hit.
        XCTAssertEqual(try scan(tree, cache: cache).stats.cachedTranslationUnits, 2)
    }

    /// Twin: a token changed in the header re-parses the unit that includes it.
    func testATokenChangeInAHeaderReparsesItsDependants() throws {
        let tree = try makeInlineTree(header: Self.inlineHeader)
        let cache = tree.path("cache")
        _ = try scan(tree, cache: cache)
        try tree.write("include/step.h", Self.inlineHeader.replacingOccurrences(of: "f(1)", with: "f(2)"))
        var (fresh, cached) = try freshAndCached(tree, cache: cache)
        XCTAssertEqual(cached.stats.cachedTranslationUnits, 1)
        cached.stats.cachedTranslationUnits = nil
        XCTAssertEqual(fresh, cached)
    }

    /// Twin: a header that expands `__LINE__` (here through a macro of another header) gives it another value
    /// when its lines move, and a value can choose what is called: its dependants are parsed again.
    func testAHeaderUsingItsOwnLineIsNotKeptWhenItsLinesMove() throws {
        let header = Self.inlineHeader.replacingOccurrences(of: "f(1)", with: "f(HERE)")
        let tree = try makeInlineTree(header: header)
        try tree.write("include/llama.h", "#define HERE __LINE__\nstruct llama_context;\nint llama_decode(struct llama_context * ctx, int n);\n")
        let cache = tree.path("cache")
        _ = try scan(tree, cache: cache)
        try tree.write("include/step.h", "// moved\n" + header)
        var (fresh, cached) = try freshAndCached(tree, cache: cache)
        XCTAssertEqual(cached.stats.cachedTranslationUnits, 1)
        cached.stats.cachedTranslationUnits = nil
        XCTAssertEqual(fresh, cached)
    }

    /// Twin: the gate (`check`, `baseline`) compares bytes; a comment re-parses there.
    func testTheGateComparesBytesNotTokens() throws {
        let tree = try makeInlineTree(header: Self.inlineHeader)
        let cache = tree.path("cache")
        _ = try scan(tree, cache: cache)
        try tree.write("include/step.h", "// moved\n" + Self.inlineHeader)
        let (_, cached) = try freshAndCached(tree, cache: cache, trustsTimestamps: false)
        XCTAssertEqual(cached.stats.cachedTranslationUnits, 1)
    }

    func testAChangedSourceIsSeen() throws {
        let tree = try makeTree()
        let cache = tree.path("cache")
        _ = try scan(tree, cache: cache)
        try tree.write("src/other.c", """
            #include "llama.h"
            int other(void) { return llama_decode(0, 2); }
            """)
        let after = try scan(tree, cache: cache)
        XCTAssertEqual(after.stats.cachedTranslationUnits, 2)
        XCTAssertEqual(Scanning.lines(after), [
            "llama.cpp/decode: main -(direct)-> shared_step -(direct)-> llama_decode",
            "llama.cpp/decode: other -(direct)-> llama_decode",
        ])
    }

    func testCorruptedEntriesAreIgnoredAndRebuilt() throws {
        let tree = try makeTree()
        let cache = tree.path("cache")
        let cold = try scan(tree, cache: cache)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".facts") }
        XCTAssertEqual(entries.count, 3)
        for (i, name) in entries.sorted().enumerated() {
            let path = cache + "/" + name
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            switch i {
            case 0: data = Data("garbage".utf8)
            case 1: data[data.count / 2] ^= 0x20     // one flipped bit in the body
            default: data = data.prefix(data.count / 3)
            }
            try data.write(to: URL(fileURLWithPath: path))
        }
        let after = try scan(tree, cache: cache)
        XCTAssertNil(after.stats.cachedTranslationUnits)
        XCTAssertEqual(Scanning.lines(after), Scanning.lines(cold))
        XCTAssertTrue(after.diagnostics.contains { $0.message.hasPrefix("3 cache entries were not written by this user or were damaged") },
                      "\(after.diagnostics)")
        XCTAssertEqual(try scan(tree, cache: cache).stats.cachedTranslationUnits, 3, "rebuilt entries are used")
    }

    /// A repository under review could ship a `.sinkmap-cache/` claiming it calls nothing: entries made with
    /// another key are rejected.
    func testEntriesWrittenWithAnotherKeyAreNotTrusted() throws {
        let tree = try makeTree()
        let cache = tree.path("cache")
        var options = ScanOptions(root: tree.root, jobs: 1)
        options.cacheDirectory = cache
        _ = try Scan(options: options).run()   // populates with the user's key
        let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".facts") }
        // Forge every entry's tag, as someone without the user's key would have to.
        for name in names {
            let path = cache + "/" + name
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            data.replaceSubrange(0..<64, with: Data(String(repeating: "0", count: 64).utf8))
            try data.write(to: URL(fileURLWithPath: path))
        }
        let after = try scan(tree, cache: cache)
        XCTAssertNil(after.stats.cachedTranslationUnits)
        XCTAssertEqual(Scanning.lines(after), ["llama.cpp/decode: main -(direct)-> shared_step -(direct)-> llama_decode"])
    }

    /// Entries are authenticated with swift-crypto's HMAC-SHA256 under a 32-byte per-user key: the first line of
    /// each is the 64 hex digits of HMAC-SHA256(key, "sinkmap-entry-tag\0" + body). A 16-byte key of the SipHash
    /// cache (format v11) is replaced by a new 32-byte one, mode 0600.
    func testEntriesCarryAnHMACSHA256TagUnderA32ByteKeyThatReplacesAnOlderKey() throws {
        let tree = try makeTree()
        let home = tree.path("xdg")
        try FileManager.default.createDirectory(atPath: home + "/sinkmap", withIntermediateDirectories: true)
        let keyFile = home + "/sinkmap/cache-key"
        try Data(repeating: 7, count: 16).write(to: URL(fileURLWithPath: keyFile))
        let previous = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"]
        setenv("XDG_CACHE_HOME", home, 1)
        defer { if let previous { setenv("XDG_CACHE_HOME", previous, 1) } else { unsetenv("XDG_CACHE_HOME") } }
        XCTAssertEqual(FactsCache.defaultKeyFile, keyFile)

        let cache = tree.path("cache")
        _ = try scan(tree, cache: cache)
        let key = try Data(contentsOf: URL(fileURLWithPath: keyFile))
        XCTAssertEqual(key.count, 32)
        XCTAssertNotEqual(key.prefix(16), Data(repeating: 7, count: 16))
        let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let names = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".facts") }
        XCTAssertEqual(names.count, 3)
        for name in names {
            XCTAssertEqual(name.count, 32 + ".facts".count)
            let data = try Data(contentsOf: URL(fileURLWithPath: cache + "/" + name))
            let newline = try XCTUnwrap(data.firstIndex(of: 0x0a))
            let tag = String(decoding: data[..<newline], as: UTF8.self)
            var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
            hmac.update(data: Data("sinkmap-entry-tag\u{0}".utf8))
            hmac.update(data: data[(newline + 1)...])
            XCTAssertEqual(tag, hmac.finalize().map { String(format: "%02x", $0) }.joined())
        }
        XCTAssertEqual(try scan(tree, cache: cache).stats.cachedTranslationUnits, 3, "the new key is kept and used")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: keyFile)), key)
    }

    /// Facts name files relative to the scanned root: two roots sharing one cache folder (and one compilation
    /// database) must not read each other's entries.
    func testTwoRootsSharingACacheKeepTheirOwnFileNames() throws {
        let tree = try TempTree("sinkmap-cache-roots")
        try tree.write("sub/x.c", "int llama_decode(void * ctx, int n);\nint main(void) { return llama_decode(0, 1); }\n")
        let database = try tree.writeDatabase("compile_commands.json", [
            ["directory": tree.path("sub"), "file": "x.c", "arguments": ["cc", "-c", "x.c"]],
        ])
        let cache = tree.path("cache")
        func mainFile(_ root: String) throws -> String? {
            let report = try Scanning.scan(root) { $0.cacheDirectory = cache; $0.compileCommandsFile = database }
            return report.paths.first?.frames.first?.file
        }
        XCTAssertEqual(try mainFile(tree.root), "sub/x.c")
        XCTAssertEqual(try mainFile(tree.path("sub")), "x.c", "an entry written for the other root was reused")
    }

    /// A tree under review could ship `.sinkmap-cache` as a link to somewhere else: it is not written through.
    func testACacheFolderThatIsASymbolicLinkIsNotUsed() throws {
        let tree = try makeTree()
        let elsewhere = tree.path("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: tree.path(".sinkmap-cache"), withDestinationPath: elsewhere)
        let report = try scan(tree, cache: tree.path(".sinkmap-cache"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere), [], "cache files were written through the link")
        XCTAssertTrue(report.diagnostics.contains { $0.message.hasPrefix("the cache folder is a symbolic link") }, "\(report.diagnostics)")
        XCTAssertEqual(Scanning.lines(report), ["llama.cpp/decode: main -(direct)-> shared_step -(direct)-> llama_decode"])
    }
}
