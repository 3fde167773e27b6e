import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a small input file (`sinkmap.yml`, a baseline) that may come from a tree nobody reviewed: it must be a
/// regular file, and no larger than a limit. A FIFO would block the read forever and `/dev/zero` would never end,
/// so both are refused before a byte is read (the file is opened non-blocking and checked with `fstat`).
public enum RegularFile {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No such file (or a dangling symlink).
        case missing
        /// A directory, FIFO, socket or device — named in the message.
        case notAFile(String)
        /// Larger than the limit (bytes).
        case tooLarge(Int)
        /// open or read failed: the system's reason.
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: return "no such file"
            case .notAFile(let kind): return "it is \(kind), not a regular file"
            case .tooLarge(let limit): return "larger than \(limit / (1 << 20)) MiB; refusing to read it"
            case .unreadable(let reason): return reason
            }
        }
    }

    /// The whole file, or a `Failure`.
    public static func read(_ path: String, limit: Int) throws -> Data {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw errno == ENOENT ? Failure.missing : Failure.unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Failure.unreadable(String(cString: strerror(errno))) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Failure.notAFile("a directory")
        case S_IFIFO: throw Failure.notAFile("a FIFO")
        case S_IFSOCK: throw Failure.notAFile("a socket")
        default: throw Failure.notAFile("a device")
        }
        guard Int(st.st_size) <= limit else { throw Failure.tooLarge(limit) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw Failure.unreadable(String(cString: strerror(errno))) }
            if n == 0 { return data }
            data.append(contentsOf: buffer[0..<n])
            // The file may grow while it is read.
            if data.count > limit { throw Failure.tooLarge(limit) }
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
