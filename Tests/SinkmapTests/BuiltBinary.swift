import Foundation
import XCTest

/// The `sinkmap` executable built alongside this test bundle, found from the bundle's own location, so the CLI
/// tests run whatever build folder (`--scratch-path`) produced them rather than a fixed `.build/debug`.
enum BuiltBinary {
    /// The path of `sinkmap`, or nil when it was not built.
    static let sinkmap: String? = locate("sinkmap")

    /// Looks in the folder holding the test bundle (macOS: `…/debug/X.xctest`), in the bundle folder itself and
    /// next to the running executable (Linux: `…/debug/X.xctest` is the executable), then in `.build/debug`.
    static func locate(_ name: String) -> String? {
        final class Marker {}
        var folders: [URL] = []
        for bundle in [Bundle(for: Marker.self), Bundle.main] {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
            folders.append(bundle.bundleURL)
            if let exe = bundle.executableURL { folders.append(exe.deletingLastPathComponent()) }
        }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let arg0 = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: arg0).deletingLastPathComponent())
        }
        folders.append(URL(fileURLWithPath: Repo.root + "/.build/debug"))
        for folder in folders {
            let candidate = folder.appendingPathComponent(name).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// One run of a binary: exit code and everything it printed.
    struct Run {
        var stdout: String
        var stderr: String
        var code: Int32
        /// For assertion messages.
        var all: String { "exit \(code)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// Runs `sinkmap` with `arguments` in `directory`, with `NO_COLOR` set and stdin closed (as in CI). Output goes
    /// through files, so a large report cannot dead-lock on a full pipe.
    /// `timeout`: after that many seconds the process is killed (SIGKILL) and the test fails — for inputs that
    /// would hang a sinkmap without the fix under test.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    timeout: TimeInterval? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        guard let binary = sinkmap else {
            XCTFail("sinkmap is not built next to the test bundle: build with `swift build --build-tests`",
                    file: file, line: line)
            throw XCTSkip("no sinkmap binary")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                XCTFail("sinkmap \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s; killed",
                        file: file, line: line)
            }
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8), code: process.terminationStatus)
    }
}
