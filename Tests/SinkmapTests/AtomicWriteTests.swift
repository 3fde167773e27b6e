import Foundation
import Gate
import SinkmapCore
@testable import SinkmapKit
import SinkmapReport
import XCTest

/// Every writer — reports (`AtomicFile`), baselines (`BaselineStore.save`), cache entries (`FactsCache`) — goes
/// through a new temporary file and a rename: the target is the old file or the new one, never a mix, no temporary
/// file is left behind, and nothing planted in the target's folder can redirect the write.
final class AtomicWriteTests: XCTestCase {
    func leftovers(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp") }.sorted()
    }

    func testWriteReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let t = try TempTree("sinkmap-atomic")
        try t.write("out.json", "old")
        try AtomicFile.write(Data("new".utf8), to: t.path("out.json"))
        XCTAssertEqual(try String(contentsOfFile: t.path("out.json"), encoding: .utf8), "new")
        try AtomicFile.write(Data(), to: t.path("empty.json"), durable: false)
        XCTAssertEqual(FileManager.default.contents(atPath: t.path("empty.json")), Data())
        XCTAssertEqual(leftovers(t.root), [])
    }

    /// The old scheme wrote through `.NAME.tmp-PID`, which a scanned tree could plant as a symlink to a file of the
    /// user's: the report would have been written into it.
    func testAPlantedSymlinkAtATemporaryNameIsNotFollowed() throws {
        let t = try TempTree("sinkmap-atomic-planted")
        try t.write("victim", "precious")
        for name in [".out.json.tmp-\(getpid())", ".out.json.tmp", "out.json.tmp"] {
            try FileManager.default.createSymbolicLink(atPath: t.path(name), withDestinationPath: t.path("victim"))
        }
        try AtomicFile.write(Data("report".utf8), to: t.path("out.json"))
        XCTAssertEqual(try String(contentsOfFile: t.path("victim"), encoding: .utf8), "precious")
        XCTAssertEqual(try String(contentsOfFile: t.path("out.json"), encoding: .utf8), "report")
    }

    func testAFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws {
        let t = try TempTree("sinkmap-atomic-fail")
        try t.write("dir/out.json", "old")
        // The target is a non-empty folder: the rename fails after the temporary file was written.
        try t.write("dir/taken/x", "x")
        XCTAssertThrowsError(try AtomicFile.write(Data("new".utf8), to: t.path("dir/taken")))
        XCTAssertEqual(leftovers(t.path("dir")), [])
        XCTAssertThrowsError(try AtomicFile.write(Data("new".utf8), to: t.path("missing-folder/out.json")))
        XCTAssertEqual(try String(contentsOfFile: t.path("dir/out.json"), encoding: .utf8), "old")
    }

    func testConcurrentWritersToOneFileNeverMixTheirBytes() throws {
        let t = try TempTree("sinkmap-atomic-race")
        let path = t.path("out.json")
        let bodies = (0..<8).map { Data(String(repeating: Character(UnicodeScalar(UInt8(65 + $0))), count: 200_000).utf8) }
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            try? AtomicFile.write(bodies[i % bodies.count], to: path, durable: false)
        }
        let result = try XCTUnwrap(FileManager.default.contents(atPath: path))
        XCTAssertTrue(bodies.contains(result), "the file mixes two writes")
        XCTAssertEqual(leftovers(t.root), [])
    }

    func testBaselinesAreWrittenThroughATemporaryFile() throws {
        let t = try TempTree("sinkmap-atomic-baseline")
        try t.write("victim", "precious")
        try FileManager.default.createSymbolicLink(atPath: t.path(".b.json.tmp-\(getpid())"), withDestinationPath: t.path("victim"))
        let baseline = Baseline(report: CannedReport.value)
        try BaselineStore.save(baseline, to: t.path("b.json"))
        XCTAssertEqual(try BaselineStore.load(t.path("b.json")), baseline)
        XCTAssertEqual(try String(contentsOfFile: t.path("victim"), encoding: .utf8), "precious")
        XCTAssertEqual(leftovers(t.root), [".b.json.tmp-\(getpid())"], "only the planted link is there")
        XCTAssertThrowsError(try BaselineStore.save(baseline, to: t.path("no/such/folder/b.json"))) { error in
            XCTAssertEqual((error as? BaselineError)?.kind, .unwritable)
        }
    }

    func testCacheEntriesAreCompleteFilesWithNoTemporaryFileLeft() throws {
        let t = try TempTree("sinkmap-atomic-cache")
        try t.write("include/llama.h", "int llama_decode(void * ctx, int n);\n")
        for i in 0..<6 { try t.write("src/f\(i).c", "#include \"llama.h\"\nint f\(i)(void) { return llama_decode(0, \(i)); }\n") }
        let first = try Scanning.scan(t.root, jobs: 3) { $0.cacheDirectory = t.path("cache") }
        XCTAssertEqual(leftovers(t.path("cache")), [])
        let entries = try FileManager.default.contentsOfDirectory(atPath: t.path("cache")).filter { $0 != "texts" }
        XCTAssertEqual(entries.count, 6, "\(entries)")
        // The in-tree texts the entries moved positions from (FactsCache+Tokens): the seven files, complete.
        XCTAssertEqual(leftovers(t.path("cache/texts")), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: t.path("cache/texts")).count, 7)
        let again = try Scanning.scan(t.root, jobs: 3) { $0.cacheDirectory = t.path("cache") }
        XCTAssertEqual(again.stats.cachedTranslationUnits, 6)
        XCTAssertEqual(again.paths, first.paths)
    }
}
