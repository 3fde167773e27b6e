import Foundation
import XCTest

/// Programs some exporter tests drive (Graphviz's `dot`, python3 with jsonschema, Chromium). `make setup`
/// installs them; a plain `swift test` without them skips those tests and says how to install.
enum ExternalTool {
    /// The absolute path of the first of `names` found on PATH.
    static func locate(_ names: String...) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") where dir.hasPrefix("/") {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// `locate`, or skip the test with the package to install.
    static func require(_ name: String, package: String, for purpose: String) throws -> String {
        guard let path = locate(name) else {
            throw XCTSkip("\(name) is not installed, so \(purpose) is not checked (make setup, or apt-get install \(package))")
        }
        return path
    }

    struct Run {
        var code: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `executable` with output through files (no pipe dead-lock) and kills it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 120) throws -> Run {
        let scratch = try temporaryDirectory("tool")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        let input = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        _ = FileManager.default.createFile(atPath: input.path, contents: stdin ?? Data())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            XCTFail("\(executable) \(arguments.joined(separator: " ")) took longer than \(Int(timeout)) s")
        }
        process.waitUntilExit()
        return Run(code: process.terminationStatus, stdout: (try? Data(contentsOf: out)) ?? Data(),
                   stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
    }

    /// A fresh private folder under the system temporary directory.
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
