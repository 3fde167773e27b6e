import ClangFrontend
import Foundation
import SinkmapCore

/// Finds and reads the `.proto` files of the scanned tree, for gRPC services whose generated code is missing
/// (`ProtoServices`). The walk keeps to the tree as the source walk does (`TreeBoundary`: no link out of it, no special
/// filesystem, hidden and build folders skipped, `exclude:` honoured) and is bounded: at most 100,000 entries looked
/// at, 1,000 `.proto` files, each a regular file of at most 1 MiB (`RegularFile`); what is passed over is said once.
enum ProtoFiles {
    static let maximumEntries = 100_000
    static let maximumFiles = 1_000
    static let maximumBytes = 1 << 20

    static func services(root: String, boundary: TreeBoundary, exclude: [String]) -> (services: ProtoServices, diagnostics: [DiagnosticFact]) {
        var services = ProtoServices()
        var diagnostics: [DiagnosticFact] = []
        var entries = 0, files = 0
        var seen = Set<String>()
        var pending = [root]
        func relative(_ path: String) -> String { path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path }
        while let dir = pending.popLast() {
            var st = stat()
            guard stat(dir, &st) == 0, seen.insert("\(st.st_dev):\(st.st_ino)").inserted,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names.sorted().reversed() {
                entries += 1
                guard entries <= maximumEntries else { break }
                let path = dir + "/" + name
                guard !boundary.refusesEntry(path), stat(path, &st) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    if !SourceTreeScanner.isSkippedFolder(name) { pending.append(path) }
                    continue
                }
                guard name.hasSuffix(".proto"), (st.st_mode & S_IFMT) == S_IFREG,
                      !exclude.contains(where: { fnmatch($0, relative(path), 0) == 0 }) else { continue }
                files += 1
                guard files <= maximumFiles else { continue }
                do {
                    let data = try RegularFile.read(path, limit: maximumBytes)
                    services.add(text: String(decoding: data, as: UTF8.self), file: relative(path))
                } catch {
                    diagnostics.append(DiagnosticFact(file: relative(path), severity: .warning,
                                                      message: "not read for gRPC services: \(error)"))
                }
            }
        }
        if entries > maximumEntries || files > maximumFiles {
            diagnostics.append(DiagnosticFact(file: ".", severity: .warning, message:
                "the search for .proto files stopped at \(min(entries, maximumEntries)) entries and \(min(files, maximumFiles)) files; gRPC services declared past it were not matched"))
        }
        return (services, diagnostics)
    }
}
