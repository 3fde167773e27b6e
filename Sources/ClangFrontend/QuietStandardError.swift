import Foundation

/// Points file descriptor 2 at /dev/null until `restore()`. libclang writes some output straight to it — a
/// tree's `#pragma clang __debug dump X` prints the AST with the tree's bytes (ESC, BEL, bidi overrides) — and
/// a scan in this process (`--in-process`) must show no more of the tree than one with worker processes, whose
/// stderr is /dev/null. sinkmap's own messages are written after parsing; the progress bar keeps its own copy of
/// the terminal.
final class QuietStandardError {
    private var saved: Int32

    init() {
        saved = dup(STDERR_FILENO)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        if saved >= 0, null >= 0 {
            fflush(stderr)
            dup2(null, STDERR_FILENO)
        }
        if null >= 0 { close(null) }
    }

    func restore() {
        guard saved >= 0 else { return }
        fflush(stderr)
        dup2(saved, STDERR_FILENO)
        close(saved)
        saved = -1
    }

    deinit { restore() }
}
