import ClangFrontend
import Foundation
@testable import SinkmapCore
@testable import SinkmapKit
import XCTest

/// The facts cache's binary form: every fact a fixture produces comes back identical, and damaged data is an
/// error, never a wrong value or a crash.
final class BinaryCoderTests: XCTestCase {
    /// Canonical JSON, to compare values that are not `Equatable`.
    func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func roundTrip<T: Codable>(_ value: T) throws -> T {
        try BinaryDecoder().decode(T.self, from: BinaryEncoder().encode(value))
    }

    static func sampleFacts() -> TranslationUnitFacts {
        let here = SourceLocation(file: "src/a.cpp", line: 12, column: 3)
        var facts = TranslationUnitFacts(
            file: "src/a.cpp",
            functions: [
                FunctionFact(id: "c:@F@main", name: "main", kind: .function, linkage: .external, location: here,
                             isDefinition: true, isSystem: false),
                FunctionFact(id: "c:@F@llama_decode", name: "llama_decode", kind: .function, linkage: .external,
                             location: nil, isDefinition: false, isSystem: true),
            ],
            calls: [CallFact(caller: "c:@F@main", callee: "c:@F@llama_decode", location: here, kind: .direct)],
            diagnostics: [DiagnosticFact(file: "src/a.cpp", severity: .warning, message: "ünïcode ✓ and \"quotes\"")],
            failure: nil, hadErrors: true)
        facts.functions[0].signature = "int (int, char **)"
        facts.calls[0].macro = "CALL"
        facts.calls[0].writtenAs = "::llama_decode"
        facts.publicDeclarations = ["c:@F@api", "c:@F@api", ""]
        facts.instantiations = [InstantiationFact(template: "c:@ST>1#T@Box", arguments: ["int", "float"])]
        return facts
    }

    func testFactsComeBackIdentical() throws {
        let facts = Self.sampleFacts()
        XCTAssertEqual(try json(roundTrip(facts)), try json(facts))
    }

    func testRepeatedStringsAreWrittenOnce() throws {
        let long = String(repeating: "x", count: 200)
        let one = try BinaryEncoder().encode([long])
        let many = try BinaryEncoder().encode(Array(repeating: long, count: 100))
        XCTAssertLessThan(many.count, one.count + 100 * 2, "later copies are an index, not the bytes")
    }

    func testIntegersAndFloatsKeepTheirValues() throws {
        struct Numbers: Codable, Equatable {
            var values: [Int64] = [0, 1, -1, 63, -64, 1 << 40, Int64.min, Int64.max]
            var unsigned: [UInt64] = [0, 127, 128, UInt64.max]
            var small: Int8 = -128
            var real: Double = -0.1
            var single: Float = 3.5
            var flag = true
            var missing: Int? = nil
            var present: String? = "here"
        }
        XCTAssertEqual(try roundTrip(Numbers()), Numbers())
    }

    func testDamagedDataIsAnErrorNeverACrash() throws {
        let data = try BinaryEncoder().encode(Self.sampleFacts())
        // Every truncation fails (none of the data is optional at the end).
        for n in 0..<data.count {
            XCTAssertThrowsError(try BinaryDecoder().decode(TranslationUnitFacts.self, from: data.prefix(n)), "prefix \(n)")
        }
        // Every single-byte change either fails or decodes to something; it never traps.
        for i in 0..<data.count {
            var bad = data
            bad[i] ^= 0xff
            _ = try? BinaryDecoder().decode(TranslationUnitFacts.self, from: bad)
        }
        // Reading fields in another order than written is caught by the key tags.
        struct AB: Codable { var a: String; var b: String }
        struct BA: Codable { var b: String; var a: String }
        let ab = try BinaryEncoder().encode(AB(a: "1", b: "2"))
        XCTAssertThrowsError(try BinaryDecoder().decode(BA.self, from: ab))
    }

    func testDictionariesAreRefusedNotGarbled() {
        XCTAssertThrowsError(try BinaryEncoder().encode(["a": 1, "b": 2]))
        struct Holder: Codable { var map: [String: Int] }
        XCTAssertThrowsError(try BinaryEncoder().encode(Holder(map: ["k": 1])))
    }

    /// Every fixture's facts, whatever fields other parts of sinkmap add to them, survive the cache's format.
    func testEveryFixturesFactsRoundTrip() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Repo.fixtures).sorted()
            .filter { var dir: ObjCBool = false; return FileManager.default.fileExists(atPath: Repo.fixture($0), isDirectory: &dir) && dir.boolValue }
        XCTAssertGreaterThan(folders.count, 10)
        for name in folders {
            let root = Repo.fixture(name)
            let indexer = TranslationUnitIndexer(root: root)
            for job in SourceTreeScanner(root: root, extraArguments: ["-w"]).jobs().0 {
                let facts = indexer.index(job)
                XCTAssertEqual(try json(roundTrip(facts)), try json(facts), "\(name): \(job.file)")
            }
        }
    }
}
