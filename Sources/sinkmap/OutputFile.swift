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

    /// The files of a split into `folder` (created if missing), each written as above and said with the folder as
    /// typed (`shownAs`). Files already there with other names are left alone.
    static func write(_ files: [GraphSplit.File], into folder: String, shownAs: String, what: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw Failure(message: "\(shownAs): not a folder; \(what) writes one file per group into the --output folder", code: ExitCodes.output)
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw Failure(message: "\(shownAs): cannot create the folder: \(error.localizedDescription)", code: ExitCodes.output)
            }
        }
        if files.isEmpty {
            FileHandle.standardError.write(Data("sinkmap: no paths to draw, so \(what) wrote no file\n".utf8))
        }
        for file in files {
            try write(file.data, to: URL(fileURLWithPath: folder).appendingPathComponent(file.name).path, what: "drawing",
                      shownAs: (shownAs.hasSuffix("/") ? shownAs : shownAs + "/") + file.name)
        }
    }
}
