import Exporters
import Foundation
import SinkmapCore
import SinkmapKit

/// Where a command's result goes: the named file, written atomically, or stdout. A file that cannot be
/// written is exit code 6 with a message naming it; a file written is said on stderr (`sinkmap: wrote paths.json`),
/// so a run that printed nothing else still says where its result went.
enum OutputFile {
    /// `shownAs` is the name the user typed, when `file` is that path made absolute.
    static func write(_ data: Data, to file: String?, what: String, shownAs: String? = nil) throws {
        guard let file else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try AtomicFile.write(data, to: file)
        } catch {
            throw Failure(message: "\(shownAs ?? file): cannot write the \(what): \(error.localizedDescription)", code: ExitCodes.output)
        }
        FileHandle.standardError.write(Data("sinkmap: wrote \(TerminalText.sanitize(shownAs ?? file))\n".utf8))
    }
}
