@testable import Exporters
import Foundation
import XCTest

/// The binary carries copies of Sources/Exporters/Resources; they must be the files as they are now.
final class EmbeddedResourcesTests: XCTestCase {
    func testEmbeddedCopiesMatchTheResourceFiles() throws {
        let dir = Repo.root + "/Sources/Exporters/Resources"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(EmbeddedResources.files.keys.sorted(), names, "run make embed")
        for name in names {
            let onDisk = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            XCTAssertEqual(try ExporterResources.text(name), onDisk.hasSuffix("\n") ? onDisk : onDisk + "\n",
                           "\(name) changed since it was embedded: run make embed")
        }
    }
}
