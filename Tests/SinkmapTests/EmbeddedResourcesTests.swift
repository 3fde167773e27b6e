@testable import Exporters
import Foundation
import XCTest

/// The binary carries Sources/Exporters/Resources through SwiftPM's `embedInCode`: every file there is embedded,
/// byte for byte, and nothing else is.
final class EmbeddedResourcesTests: XCTestCase {
    func testEveryResourceFileIsEmbeddedByteForByte() throws {
        let dir = Repo.root + "/Sources/Exporters/Resources"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(names, ["review-questions.json", "viewer.css", "viewer.html", "viewer.js"])
        XCTAssertEqual(ExporterResources.files.keys.sorted(), names)
        for name in names {
            let onDisk = try XCTUnwrap(FileManager.default.contents(atPath: dir + "/" + name))
            XCTAssertEqual(ExporterResources.files[name], [UInt8](onDisk), "\(name): the embedded bytes differ from the file")
            XCTAssertEqual(try ExporterResources.text(name), String(decoding: onDisk, as: UTF8.self))
        }
    }

    func testAnUnknownResourceIsAnErrorNamingIt() {
        XCTAssertThrowsError(try ExporterResources.text("viewer.svg")) { error in
            XCTAssertTrue("\(error)".contains("viewer.svg"), "\(error)")
        }
    }
}
