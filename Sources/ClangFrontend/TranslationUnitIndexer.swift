import CClang
import Foundation
import SinkmapCore

/// Parses one translation unit with libclang and extracts its facts. Owns one `CXIndex`: create one per
/// worker thread. Nothing here throws: a unit that cannot be parsed becomes diagnostics in its facts.
public final class TranslationUnitIndexer {
    private let index: CXIndex
    private let paths: PathResolver
    private let naming = CursorNaming()
    /// Diagnostics kept per unit; the rest are counted in one summary line.
    public var diagnosticLimit = 20
    /// Facts of one unit estimated larger than this (`--tu-facts`) are not kept: the unit is reported as failed.
    public var maximumFactsBytes = WorkerLimits.defaultFactsMiB << 20

    public init(root: String) {
        // (0, 0): no PCH exclusion, and libclang prints nothing to stderr itself.
        index = clang_createIndex(0, 0)
        paths = PathResolver(root: root)
    }

    deinit { clang_disposeIndex(index) }

    /// What libclang reads for this build: "clang version 14.0.6" — part of every cache key.
    public static var libclangVersion: String { clang_getClangVersion().consume() }

    public func index(_ job: CompileJob) -> TranslationUnitFacts {
        var used = false
        return index(job, preamble: nil, inputs: nil, usedPreamble: &used)
    }

    /// Also reports, in `inputs`, every file the unit read (the main file and each header, as absolute
    /// paths): what a cached copy of its facts depends on.
    /// With `preamble`, the unit is parsed with that shared preamble loaded when it can be (`usedPreamble` says
    /// whether it was), and whole otherwise: the facts are the same either way.
    public func index(_ job: CompileJob, preamble: Preamble?, inputs: UnsafeMutablePointer<[String]>?,
                      usedPreamble: inout Bool) -> TranslationUnitFacts {
        let shown = paths.display(job.file)
        var facts = TranslationUnitFacts(file: shown)
        // Relative paths were made absolute against the entry's directory when the job was made:
        // `-working-directory` would make libclang change the whole process's current directory.
        let arguments = job.arguments + ["-ferror-limit=0"]

        // Say plainly why a file cannot be read (libclang would only say "error 1"), and never hand it a FIFO
        // or a device, which would block or never end.
        if let problem = Self.unreadable(job.file) {
            facts.failure = .unparsed
            facts.diagnostics.append(DiagnosticFact(file: shown, severity: .fatal, message: problem + "; the file was skipped"))
            return facts
        }
        var unit: CXTranslationUnit?
        var status = CXError_Success
        // What the preamble read: libclang lists only some of a precompiled header's files as the unit's inclusions.
        var preambleInputs: [String] = []
        if let preamble, let loaded = parse(job, arguments: arguments, with: preamble) {
            unit = loaded.unit
            preambleInputs = loaded.inputs
            usedPreamble = true
        } else {
            status = withCStrings(arguments) { argv in
                clang_parseTranslationUnit2(index, job.file, argv, Int32(arguments.count), nil, 0, Self.unitOptions, &unit)
            }
        }
        guard status == CXError_Success, let unit else {
            facts.failure = status == CXError_Crashed ? .crashed : .unparsed
            facts.diagnostics.append(DiagnosticFact(file: shown, severity: .fatal, message: Self.describe(status)))
            return facts
        }
        defer { clang_disposeTranslationUnit(unit) }

        if let inputs {
            inputs.pointee = Set(Self.inclusions(unit) + preambleInputs).filter { $0 != preamble?.header }.sorted()
        }
        let filesWithErrors = collectDiagnostics(unit, into: &facts)
        let visitor = CallSiteVisitor(tu: unit, mainFile: shown, paths: paths, naming: naming)
        visitor.filesWithErrors = filesWithErrors
        visitor.run()
        if facts.hadErrors {
            let main = clang_getFile(unit, job.file)
            UnresolvedCallRecovery(tu: unit, paths: paths).recover(into: visitor, mainFile: main,
                                                                   filesWithErrors: filesWithErrors)
        }
        var result = visitor.finish()
        result.diagnostics = facts.diagnostics
        result.hadErrors = facts.hadErrors
        if result.estimatedSize > maximumFactsBytes {
            facts.failure = .factsTooLarge
            facts.diagnostics = [DiagnosticFact(file: shown, severity: .fatal, message:
                "the facts of this file take more than \(maximumFactsBytes >> 20) MiB (--tu-facts); they were not kept and the file was skipped")]
            return facts
        }
        // A developer aid: the raw facts of every unit, to see what the front-end recorded.
        if ProcessInfo.processInfo.environment["SINKMAP_DEBUG_FACTS"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            if let data = try? encoder.encode(result) { FileHandle.standardError.write(data + Data("\n".utf8)) }
        }
        return result
    }

    private static let unitOptions = CXTranslationUnit_KeepGoing.rawValue | CXTranslationUnit_Incomplete.rawValue

    /// The unit parsed with `preamble` loaded and its opening `#include` lines blanked (the same bytes at the same
    /// offsets otherwise); nil — parse it whole — when the preamble cannot be built, the file no longer opens with
    /// its lines, or the parse shows any error.
    private func parse(_ job: CompileJob, arguments: [String], with preamble: Preamble) -> (unit: CXTranslationUnit, inputs: [String])? {
        guard ensureBuilt(preamble, arguments: arguments),
              let listed = try? RegularFile.read(preamble.inputs, limit: 64 << 20),
              let preambleInputs = try? JSONDecoder().decode([String].self, from: listed),
              let data = try? RegularFile.read(job.file, limit: 64 << 20) else { return nil }
        var bytes = [UInt8](data)
        let run = LeadingInclude.run(of: bytes)
        guard run.count >= preamble.directives.count,
              zip(run, preamble.directives).allSatisfy({ $0.directive == $1 }) else { return nil }
        for include in run.prefix(preamble.directives.count) {
            for j in include.range { bytes[j] = 0x20 }
        }
        let withPCH = arguments + ["-include-pch", preamble.pch]
        var unit: CXTranslationUnit?
        let status = withCStrings(withPCH) { argv in
            job.file.withCString { name in
                bytes.withUnsafeBufferPointer { text in
                    text.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(text.count, 1)) { contents in
                        var unsaved = CXUnsavedFile(Filename: name, Contents: contents, Length: UInt(text.count))
                        return clang_parseTranslationUnit2(index, job.file, argv, Int32(withPCH.count), &unsaved, 1,
                                                           Self.unitOptions, &unit)
                    }
                }
            }
        }
        guard status == CXError_Success, let unit else { return nil }
        if let error = Self.firstError(unit) {
            Self.debug("\(job.file): parsed whole, with its preamble it shows: \(error)")
            clang_disposeTranslationUnit(unit)
            return nil
        }
        return (unit, preambleInputs)
    }

    /// A developer aid: why a preamble was not built or not used (`SINKMAP_DEBUG_PREAMBLES=1`).
    static func debug(_ message: @autoclosure () -> String) {
        guard ProcessInfo.processInfo.environment["SINKMAP_DEBUG_PREAMBLES"] == "1" else { return }
        FileHandle.standardError.write(Data(("preamble: " + message() + "\n").utf8))
    }

    /// Builds `preamble`'s precompiled header unless this scan already has (or failed to): one worker builds it
    /// while the others wait on its lock file.
    private func ensureBuilt(_ preamble: Preamble, arguments: [String]) -> Bool {
        let fd = open(preamble.lock, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 { if errno != EINTR { return false } }
        defer { flock(fd, LOCK_UN) }
        if access(preamble.pch, F_OK) == 0 { return true }
        if access(preamble.failedMarker, F_OK) == 0 { return false }
        if build(preamble, arguments: arguments) { return true }
        close(open(preamble.failedMarker, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600))
        return false
    }

    private func build(_ preamble: Preamble, arguments: [String]) -> Bool {
        let text = preamble.directives.joined(separator: "\n") + "\n"
        guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: preamble.header))) != nil else { return false }
        let headerArguments = arguments + ["-x", preamble.headerLanguage]
        var unit: CXTranslationUnit?
        let options = CXTranslationUnit_Incomplete.rawValue | CXTranslationUnit_ForSerialization.rawValue
        let status = withCStrings(headerArguments) { argv in
            clang_parseTranslationUnit2(index, preamble.header, argv, Int32(headerArguments.count), nil, 0, options, &unit)
        }
        guard status == CXError_Success, let unit else { return false }
        defer { clang_disposeTranslationUnit(unit) }
        if let error = Self.firstError(unit) {
            Self.debug("\(preamble.key) (\(preamble.directives.joined(separator: ", "))) not built: \(error)")
            return false
        }
        // Every file the preamble read, for the cache entries of the units that load it.
        let read = Self.inclusions(unit).filter { $0 != preamble.header }
        // `__BASE_FILE__` in a header names the main file: the preamble's header there, the unit's in a whole parse.
        if let file = read.first(where: Self.namesTheMainFile) {
            Self.debug("\(preamble.key) (\(preamble.directives.joined(separator: ", "))) not built: \(file) uses __BASE_FILE__")
            return false
        }
        guard let listed = try? JSONEncoder().encode(read),
              (try? listed.write(to: URL(fileURLWithPath: preamble.inputs))) != nil else { return false }
        let temporary = preamble.pch + ".tmp"
        guard clang_saveTranslationUnit(unit, temporary, UInt32(CXSaveTranslationUnit_None.rawValue)) == CXSaveError_None.rawValue
        else { return false }
        return rename(temporary, preamble.pch) == 0
    }

    private static func namesTheMainFile(_ path: String) -> Bool {
        guard let data = try? RegularFile.read(path, limit: 64 << 20) else { return true }
        return data.range(of: Data("__BASE_FILE__".utf8)) != nil
    }

    /// The unit's first error other than a flag libclang does not know (said, and ignored, either way).
    private static func firstError(_ unit: CXTranslationUnit) -> String? {
        for i in 0..<clang_getNumDiagnostics(unit) {
            let d = clang_getDiagnostic(unit, i)
            defer { clang_disposeDiagnostic(d) }
            let severity = clang_getDiagnosticSeverity(d)
            guard severity == CXDiagnostic_Error || severity == CXDiagnostic_Fatal else { continue }
            let message = clang_getDiagnosticSpelling(d).consume()
            if Self.isUnknownFlag(message, at: clang_getDiagnosticLocation(d).expansion) { continue }
            return message
        }
        return nil
    }

    /// A compiler flag libclang does not know (gcc-only `-fconserve-stack`): an error without a location, said
    /// as a warning, while the file parsed.
    private static func isUnknownFlag(_ message: String, at location: ResolvedLocation?) -> Bool {
        location == nil && (message.hasPrefix("unknown argument") || message.hasPrefix("unsupported option"))
    }

    /// Keeps error diagnostics (up to the limit) and returns the raw paths of the files they are in.
    private func collectDiagnostics(_ unit: CXTranslationUnit, into facts: inout TranslationUnitFacts) -> Set<String> {
        var files = Set<String>()
        let outside = outsideContents(unit)
        let n = clang_getNumDiagnostics(unit)
        var kept = 0, dropped = 0
        for i in 0..<n {
            let d = clang_getDiagnostic(unit, i)
            defer { clang_disposeDiagnostic(d) }
            let severity = clang_getDiagnosticSeverity(d)
            guard severity == CXDiagnostic_Error || severity == CXDiagnostic_Fatal else { continue }
            let at = clang_getDiagnosticLocation(d).expansion
            let message = clang_getDiagnosticSpelling(d).consume()
            if Self.isUnknownFlag(message, at: at) {
                facts.diagnostics.append(DiagnosticFact(file: facts.file, severity: .warning,
                                                        message: message + " (ignored; the file was parsed without it)"))
                continue
            }
            facts.hadErrors = true
            let quotable = Self.files(of: d).allSatisfy(paths.mayQuote) && !Self.quotes(message, anyOf: outside)
            // Calls are recovered by name only from the tree's own files (and system headers).
            if let path = at?.path, quotable { files.insert(path) }
            guard kept < diagnosticLimit else { dropped += 1; continue }
            kept += 1
            facts.diagnostics.append(DiagnosticFact(
                file: at.map { paths.display($0.path) } ?? facts.file, line: at?.line, column: at?.column,
                severity: severity == CXDiagnostic_Fatal ? .fatal : .error,
                message: quotable ? message : Self.withheldMessage))
        }
        if dropped > 0 {
            facts.diagnostics.append(DiagnosticFact(file: facts.file, severity: .note,
                                                    message: "\(dropped) more errors in this translation unit not shown"))
        }
        if facts.hadErrors {
            facts.diagnostics.append(DiagnosticFact(
                file: facts.file, severity: .note,
                message: "parsed with errors: calls libclang could not resolve were recovered by name (kind 'unresolved')"))
        }
        return files
    }

    /// The text of every file this unit read from outside the tree and the system headers (libclang's own copy:
    /// nothing is read again). Usually none.
    private func outsideContents(_ unit: CXTranslationUnit) -> [String] {
        final class Box { var files: [CXFile] = [] }
        let box = Box()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        clang_getInclusions(unit, { file, _, _, data in
            if let file { Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue().files.append(file) }
        }, unmanaged.toOpaque())
        return box.files.compactMap { file in
            guard !paths.mayQuote(clang_getFileName(file).consume()) else { return nil }
            var size = 0
            guard let bytes = clang_getFileContents(unit, file, &size) else { return nil }
            return String(decoding: UnsafeRawBufferPointer(start: bytes, count: size), as: UTF8.self)
        }
    }

    /// Whether a message quotes ('…') text found in one of `contents`: an identifier from an outside header that a
    /// macro brought into the tree ("use of undeclared identifier 'SECRET'") is located in the tree, but is not its.
    static func quotes(_ message: String, anyOf contents: [String]) -> Bool {
        guard !contents.isEmpty else { return false }
        let quoted = message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 && !$0.element.isEmpty }.map { String($0.element) }
        return quoted.contains { q in contents.contains { $0.contains(q) } }
    }

    /// Every file a diagnostic points into: its location and its highlighted ranges, each where written and where
    /// expanded (a macro from an outside header expanded in the tree still quotes that header).
    private static func files(of d: CXDiagnostic?) -> [String] {
        var locations = [clang_getDiagnosticLocation(d)]
        for r in 0..<clang_getDiagnosticNumRanges(d) {
            let range = clang_getDiagnosticRange(d, r)
            locations += [clang_getRangeStart(range), clang_getRangeEnd(range)]
        }
        return locations.flatMap { [$0.expansion?.path, $0.spelling?.path].compactMap { $0 } }
    }

    /// What a diagnostic located in a file outside the tree says instead of its message (which would quote it).
    public static let withheldMessage = "a diagnostic about a file outside the scanned tree (message withheld: it would quote that file)"

    static func unreadable(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return "cannot read the file: \(String(cString: strerror(errno)))" }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return "not a regular file (a FIFO, device or folder)" }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "cannot read the file: \(String(cString: strerror(errno)))" }
        close(fd)
        return nil
    }

    private static func inclusions(_ unit: CXTranslationUnit) -> [String] {
        final class Box { var files = Set<String>() }
        let box = Box()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        clang_getInclusions(unit, { file, _, _, data in
            guard let file else { return }
            let name = clang_getFileName(file).consume()
            if !name.isEmpty { Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue().files.insert(name) }
        }, unmanaged.toOpaque())
        return box.files.sorted()
    }

    private static func describe(_ status: CXErrorCode) -> String {
        switch status {
        case CXError_Crashed: return "libclang crashed while parsing this file; it was skipped"
        case CXError_InvalidArguments: return "libclang rejected the compiler arguments for this file"
        case CXError_ASTReadError:
            return "libclang could not parse this file with its arguments (an unreadable file, or a flag it rejects: check --extra-arg and the compile command)"
        default: return "libclang could not parse this file (error \(status.rawValue))"
        }
    }
}

/// Calls `body` with a C `argv` for `strings`, valid only during the call.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    let argv = pointers.map { UnsafePointer<CChar>($0) }
    return argv.withUnsafeBufferPointer { body($0.baseAddress!) }
}
