import Dispatch
import Foundation
import SinkmapCore
import SinkmapKit

/// Ctrl-C (SIGINT) and SIGTERM stop sinkmap at once, and cleanly: the temporary files of writes in progress are
/// deleted (so a report, baseline or cache entry is either complete or as it was), a message says so, and the
/// process exits 130 or 143. libclang worker processes die with it (they are started with PR_SET_PDEATHSIG).
///
/// The signals are taken with dispatch sources rather than a C handler, so the clean-up may lock and allocate.
enum Interruption {
    /// The installed sources, kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    /// The original stderr: during an `--in-process` parse, file descriptor 2 is /dev/null (QuietStandardError).
    nonisolated(unsafe) private static var terminal: Int32 = STDERR_FILENO

    static func install() {
        terminal = dup(STDERR_FILENO)
        if terminal < 0 { terminal = STDERR_FILENO }
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            // The default action would end the process before the source sees the signal.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInteractive))
            source.setEventHandler { stop(number, name) }
            source.resume()
            sources.append(source)
        }
    }

    private static func stop(_ number: Int32, _ name: String) -> Never {
        AtomicFile.abandonTemporaryFiles()
        // Over a progress bar, start on a clean line.
        let clear = isatty(terminal) == 1 ? "\r\u{1B}[2K" : ""
        let message = clear + "sinkmap: interrupted (\(name)); stopped. No partial file was written: an earlier report, "
            + "baseline or cache entry stays as it was.\n"
        FileHandle(fileDescriptor: terminal, closeOnDealloc: false).write(Data(message.utf8))
        // _exit, not exit: parsing threads may be inside libclang, whose static destructors must not run under them.
        _exit(ExitCodes.interrupted(by: number))
    }
}
