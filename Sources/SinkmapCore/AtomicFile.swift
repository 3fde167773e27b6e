import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file through a temporary sibling and a rename, so readers — and the next run, after a crash or an
/// interrupt — see the old file or the new one, never a half-written one. Reports, baselines and cache entries
/// all go through here.
///
/// The temporary file is created new, with a random name, in the target's folder (`O_CREAT|O_EXCL|O_NOFOLLOW`):
/// a file or symlink planted there by a scanned tree cannot redirect the write. While it exists it is registered,
/// so an interrupt handler can delete it before the process exits (`abandonTemporaryFiles`).
public enum AtomicFile {
    /// Writes `data` to `path`. `durable` also flushes it to disk before the rename (reports and baselines: a
    /// power cut must not leave an empty file where the old one was); cache entries skip that cost.
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = try TemporaryFiles.shared.create(in: folder, for: url.lastPathComponent)
        defer { TemporaryFiles.shared.forget(temporary.path) }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(temporary.fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = String(cString: strerror(errno)); return }
                offset += n
            }
        }
        if failure == nil && durable && fsync(temporary.fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(temporary.fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil && rename(temporary.path, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
        }
    }

    /// Deletes every temporary file a write has not renamed yet, and makes later writes fail instead of
    /// creating new ones. For an interrupt handler that is about to end the process: the targets keep their
    /// previous contents.
    public static func abandonTemporaryFiles() {
        TemporaryFiles.shared.abandon()
    }

    /// A private temporary folder of this process (a scan's shared preambles): deleted, with what it holds, by
    /// `abandonTemporaryFiles` until `forgetTemporaryFolder`.
    public static func registerTemporaryFolder(_ path: String) {
        TemporaryFiles.shared.register(folder: path)
    }

    public static func forgetTemporaryFolder(_ path: String) {
        TemporaryFiles.shared.forget(folder: path)
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// The temporary files of writes in progress (a process-wide registry: an interrupt handler must find them).
private final class TemporaryFiles: @unchecked Sendable {
    static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var folders: Set<String> = []
    private var abandoned = false

    /// Creates and opens a new file next to `name` in `folder`, registered until `forget`.
    func create(in folder: String, for name: String) throws -> (path: String, fd: Int32) {
        lock.lock()
        defer { lock.unlock() }
        guard !abandoned else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "sinkmap is stopping"])
        }
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let path = folder + "/." + name + ".tmp-\(getpid())-" + suffix
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
            if fd >= 0 {
                paths.insert(path)
                return (path, fd)
            }
            if errno != EEXIST { break }
        }
        throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }

    func forget(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    func register(folder: String) {
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    func forget(folder: String) {
        lock.lock()
        folders.remove(folder)
        lock.unlock()
    }

    /// After this, `create` refuses: no temporary file can appear once the sweep has run.
    func abandon() {
        lock.lock()
        guard !abandoned else { lock.unlock(); return }
        abandoned = true
        for path in paths { unlink(path) }
        paths.removeAll()
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
        folders.removeAll()
        lock.unlock()
    }
}
