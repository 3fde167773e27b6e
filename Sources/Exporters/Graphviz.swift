import Foundation

/// Runs Graphviz's `dot` to turn DOT into SVG or PNG. The executable is looked up on PATH and run by absolute
/// path with no shell; the DOT text is ours (every name escaped), never the scanned project's.
public enum Graphviz {
    /// The absolute path of `dot` on PATH, if any.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where dir.hasPrefix("/") {
            let candidate = String(dir) + "/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `dot -T<format>` over `source`. Input and output go through files in a private temporary folder so a
    /// large graph cannot deadlock on a full pipe.
    public static func render(_ source: String, to format: String) throws -> Data {
        guard let dot = locate() else { throw ExportError.graphvizMissing(format: format) }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("sinkmap-dot-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(at: dir) }
        let input = dir.appendingPathComponent("graph.dot")
        let output = dir.appendingPathComponent("graph.\(format)")
        let errors = dir.appendingPathComponent("stderr.txt")
        try Data(source.utf8).write(to: input)
        _ = fm.createFile(atPath: errors.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-T\(format)", "-o", output.path, input.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()

        guard process.terminationReason == .exit, process.terminationStatus == 0,
              let data = fm.contents(atPath: output.path) else {
            let message = String(decoding: fm.contents(atPath: errors.path) ?? Data(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw ExportError.graphvizFailed(status: process.terminationStatus, message: message)
        }
        return data
    }
}
