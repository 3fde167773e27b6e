import Exporters
import Foundation

enum Terminal {
    /// A terminal a person is watching: a TTY, and not CI.
    static func isInteractive(_ fd: Int32) -> Bool {
        isatty(fd) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// A one-line progress bar on stderr with the translation-unit count and an ETA. Only used on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private var lastDraw = Date.distantPast
    /// The terminal, kept open: while libclang parses in this process (`--in-process`) file descriptor 2 points
    /// elsewhere (`QuietStandardError`), and the bar must still reach the terminal.
    private let terminal = FileHandle(fileDescriptor: dup(STDERR_FILENO), closeOnDealloc: true)

    func update(done: Int, total: Int, file: String) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let elapsed = now.timeIntervalSince(started)
        let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        // The file name comes from the scanned tree: no control or bidi character reaches the terminal raw.
        let name = TerminalText.sanitize(String(file.suffix(40)))
        let line = "\r\u{1B}[2K\(bar) \(done)/\(total) TUs  ETA \(Self.clock(eta))  \(name)"
        terminal.write(Data(line.utf8))
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        terminal.write(Data("\r\u{1B}[2K".utf8))
    }

    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
