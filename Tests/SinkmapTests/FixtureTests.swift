import Foundation
import XCTest

/// Walks every folder under Fixtures/ that has an expected.txt and checks the scan against it exactly:
/// `path:` lines are the complete set of paths, `absent:` functions appear on no path, `diagnostic:` names a
/// file:line that must carry an error. Adding a case is adding a folder.
final class FixtureTests: XCTestCase {
    struct Expectation {
        var paths: [String] = []
        var absent: [String] = []
        var diagnostics: [String] = []
    }

    static func expectation(_ file: String) throws -> Expectation {
        var e = Expectation()
        for raw in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("path:") { e.paths.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("absent:") { e.absent.append(line.dropFirst(7).trimmingCharacters(in: .whitespaces)) }
            else if line.hasPrefix("diagnostic:") { e.diagnostics.append(line.dropFirst(11).trimmingCharacters(in: .whitespaces)) }
            else { XCTFail("\(file): cannot read line '\(line)'") }
        }
        return e
    }

    func testEveryFixtureMatchesItsExpectedPaths() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repo.fixtures).sorted()
            .filter { FileManager.default.fileExists(atPath: Repo.fixture($0) + "/expected.txt") }
        XCTAssertGreaterThanOrEqual(names.count, 13, "fixtures went missing")
        for name in names {
            try check(name)
        }
    }

    func check(_ name: String) throws {
        let expected = try Self.expectation(Repo.fixture(name) + "/expected.txt")
        let report = try Scanning.scan(Repo.fixture(name))
        let actual = Scanning.lines(report)
        let missing = Set(expected.paths).subtracting(actual).sorted()
        let extra = Set(actual).subtracting(expected.paths).sorted()
        XCTAssert(missing.isEmpty && extra.isEmpty, """
            \(name): paths differ
            missing:
              \(missing.joined(separator: "\n  "))
            unexpected:
              \(extra.joined(separator: "\n  "))
            diagnostics:
              \(report.diagnostics.map { "\($0.file):\($0.line ?? 0): \($0.message)" }.joined(separator: "\n  "))
            """)
        XCTAssertEqual(actual.count, expected.paths.count, "\(name): a path is listed twice")
        for f in expected.absent {
            let on = report.paths.filter { $0.frames.contains { $0.function == f } }
            XCTAssert(on.isEmpty, "\(name): \(f) must be on no path, but is on \(on.count)")
        }
        for d in expected.diagnostics {
            let hit = report.diagnostics.contains {
                ($0.severity == "error" || $0.severity == "fatal") && "\($0.file):\($0.line ?? -1)" == d
            }
            XCTAssert(hit, "\(name): expected an error diagnostic at \(d); got \(report.diagnostics.map { "\($0.file):\($0.line ?? -1)" })")
        }
        if expected.diagnostics.isEmpty {
            let errors = report.diagnostics.filter { $0.severity == "error" || $0.severity == "fatal" }
            if !name.contains("missing-header") {
                XCTAssert(errors.isEmpty, "\(name): unexpected errors \(errors.map(\.message))")
            }
        }
    }
}
