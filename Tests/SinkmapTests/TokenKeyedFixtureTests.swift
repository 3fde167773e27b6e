import Foundation
import SinkmapKit
import SinkmapReport
import XCTest

/// Token-keyed cache entries on real fixtures: comment lines added all through every source and header (every
/// position below them moves) keep every unit's entry, and the report is exactly a fresh scan's — lambda names,
/// flow steps, registrations, initializers and several programs' separated names included.
final class TokenKeyedFixtureTests: XCTestCase {
    static let fixtures = ["lambdas-and-std-function", "request-flow-templates", "request-flow-handoff", "several-programs",
                           "travelling-lambdas", "stored-callbacks", "http-handler-routes", "global-initializers",
                           "objc-blocks", "static-functions-same-name"]

    static let sourceExtensions: Set<String> = ["c", "cc", "cpp", "cxx", "h", "hpp", "m", "mm"]

    /// A comment line on top and one after every third line (not after a line continued by a backslash).
    static func addComments(_ text: String) -> String {
        var out = ["// moved down", ""]
        for (i, line) in text.components(separatedBy: "\n").enumerated() {
            out.append(line)
            if i % 3 == 2 && !line.hasSuffix("\\") { out.append("   // why") }
        }
        return out.joined(separator: "\n")
    }

    func testCommentsEverywhereKeepEveryUnitAndTheExactReport() throws {
        for name in Self.fixtures {
            let tree = try TempTree("sinkmap-token-fixture")
            let copy = tree.path(name)
            try FileManager.default.copyItem(atPath: Repo.fixture(name), toPath: copy)
            let cache = tree.path("cache")
            _ = try Scanning.scan(copy) { $0.cacheDirectory = cache }
            let files = FileManager.default.enumerator(atPath: copy)!.compactMap { $0 as? String }
                .filter { Self.sourceExtensions.contains(($0 as NSString).pathExtension) }
            XCTAssertFalse(files.isEmpty, name)
            for file in files {
                let path = copy + "/" + file
                try Self.addComments(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
            }
            var cached = try Scanning.scan(copy) { $0.cacheDirectory = cache }
            var fresh = try Scanning.scan(copy) { $0.cacheDirectory = nil }
            XCTAssertEqual(cached.stats.cachedTranslationUnits, cached.stats.translationUnits, name)
            cached.stats.seconds = 0; fresh.stats.seconds = 0; cached.stats.cachedTranslationUnits = nil
            XCTAssertEqual(cached, fresh, name)
        }
    }
}
