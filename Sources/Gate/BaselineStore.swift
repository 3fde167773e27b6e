import Foundation
import SinkmapCore

/// Reads and writes baseline files. Writing goes through a temporary sibling and a rename, so CI and editors only
/// ever see the old file or the new one; reading checks the version before anything else.
public enum BaselineStore {
    /// The bytes of a baseline: pretty, sorted-key JSON with a final newline, identical for identical baselines.
    public static func encode(_ baseline: Baseline) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var sorted = baseline
        sorted.entries.sort(by: Baseline.Entry.order)
        sorted.calls.sort { $0.id < $1.id }
        sorted.failedUnits.sort()
        sorted.skippedSources.sort()
        // No control or bidi character from a function name is written raw: the file is read in diffs and terminals.
        return ControlCharacters.escapedJSON(try encoder.encode(sorted)) + Data("\n".utf8)
    }

    /// Parses a baseline, naming `file` in every error.
    public static func decode(_ data: Data, file: String) throws -> Baseline {
        // The version is read on its own first, so a newer file is reported as newer, not as malformed.
        let version: Int?
        do {
            version = try JSONDecoder().decode(VersionProbe.self, from: data).version
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw BaselineError(file: file, kind: .malformed, message: "not valid JSON; expected a sinkmap baseline "
                                + "(write one with `sinkmap baseline`)")
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw BaselineError(file: file, kind: .malformed, message: "expected a JSON object with \"version\" and \"entries\"")
        } catch let error as DecodingError {
            throw BaselineError(file: file, kind: .malformed, message: describe(error))
        }
        guard let version else {
            throw BaselineError(file: file, kind: .malformed, message: "no \"version\"; is this a sinkmap baseline?")
        }
        if version > Baseline.currentVersion {
            throw BaselineError(file: file, kind: .futureVersion(version), message:
                "baseline format version \(version) was written by a newer sinkmap; this sinkmap reads version "
                + "\(Baseline.currentVersion) — upgrade sinkmap")
        }
        if (1..<Baseline.currentVersion).contains(version) {
            throw BaselineError(file: file, kind: .outdatedVersion(version), message:
                "baseline format version \(version) was written by an older sinkmap, whose path fingerprints this one "
                + "does not compute (and it records no slice of the call graph); review the scan and approve again with "
                + "`sinkmap baseline`, then commit the file")
        }
        guard version == Baseline.currentVersion else {
            throw BaselineError(file: file, kind: .malformed, message: "unknown baseline format version \(version)")
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch let error as DecodingError {
            throw BaselineError(file: file, kind: .malformed, message: describe(error))
        }
        for (i, entry) in baseline.entries.enumerated() where !isFingerprint(entry.id) {
            throw BaselineError(file: file, kind: .malformed,
                                message: "entries[\(i)].id: \"\(entry.id)\" is not a path fingerprint (32 hex digits)")
        }
        for (i, call) in baseline.calls.enumerated() where !isFingerprint(call.id) {
            throw BaselineError(file: file, kind: .malformed,
                                message: "calls[\(i)].id: \"\(call.id)\" is not a call fingerprint (32 hex digits)")
        }
        return baseline
    }

    /// Reads `path`; errors name the file as `name` (what the user typed), which defaults to `path`.
    public static func load(_ path: String, named name: String? = nil) throws -> Baseline {
        let file = name ?? path
        let data: Data
        do {
            // A baseline comes with the code under review: a FIFO or a link to /dev/zero must not hang the gate.
            data = try RegularFile.read(path, limit: maximumSize)
        } catch RegularFile.Failure.missing {
            throw BaselineError(file: file, kind: .missing,
                                message: "no such baseline; write one with `sinkmap baseline --output \(file)`")
        } catch {
            throw BaselineError(file: file, kind: .unreadable, message: "cannot read the baseline: \(error)")
        }
        return try decode(data, file: file)
    }

    /// Larger baselines are refused unread (a real one holds a few hundred bytes per approved path).
    public static let maximumSize = 256 << 20

    /// Writes atomically: a new temporary file in the same folder, flushed, then renamed over `path`.
    public static func save(_ baseline: Baseline, to path: String, named name: String? = nil) throws {
        do {
            try AtomicFile.write(encode(baseline), to: path)
        } catch {
            throw BaselineError(file: name ?? path, kind: .unwritable,
                                message: "cannot write the baseline: \(error.localizedDescription)")
        }
    }

    private struct VersionProbe: Decodable {
        var version: Int?
    }

    private static func isFingerprint(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// `entries[2].functions: missing` rather than Foundation's debug description.
    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [CodingKey]) -> String {
            var s = ""
            for key in path {
                if let i = key.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + key.stringValue }
            }
            return s.isEmpty ? "top level" : s
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(at(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(at(context.codingPath)): expected \(type == String.self ? "a string" : type == Int.self ? "an integer" : "\(type)")"
        case .valueNotFound(_, let context):
            return "\(at(context.codingPath)): null where a value is required"
        case .dataCorrupted(let context):
            return "\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "not a sinkmap baseline"
        }
    }
}
