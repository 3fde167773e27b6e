import CClang
import SinkmapCore

extension CXString {
    /// Copies and disposes the libclang string, bounded (`BoundedText`): every name, type, USR, token and message
    /// sinkmap takes from libclang comes through here.
    func consume() -> String {
        defer { clang_disposeString(self) }
        guard let c = clang_getCString(self) else { return "" }
        return BoundedText.bounded(String(cString: c))
    }
}

extension CXCursor {
    var kind: CXCursorKind { clang_getCursorKind(self) }
    var spelling: String { clang_getCursorSpelling(self).consume() }
    var usr: String { clang_getCursorUSR(self).consume() }
    var isNull: Bool { clang_Cursor_isNull(self) != 0 || clang_isInvalid(clang_getCursorKind(self)) != 0 }
    var semanticParent: CXCursor { clang_getCursorSemanticParent(self) }
    var isDefinition: Bool { clang_isCursorDefinition(self) != 0 }
    var location: CXSourceLocation { clang_getCursorLocation(self) }
    var extent: CXSourceRange { clang_getCursorExtent(self) }

    /// The first child, if any (used to find the callee expression of a call).
    var firstChild: CXCursor? {
        final class Box { var child: CXCursor? }
        let box = Box()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        _ = clang_visitChildren(self, { child, _, data in
            Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue().child = child
            return CXChildVisit_Break
        }, unmanaged.toOpaque())
        return box.child
    }
}

/// A position resolved to a file, in one of libclang's two views (where written vs where expanded).
struct ResolvedLocation {
    var path: String
    var line: Int
    var column: Int
    var offset: Int
}

extension CXSourceLocation {
    var expansion: ResolvedLocation? { resolve(clang_getExpansionLocation) }
    var spelling: ResolvedLocation? { resolve(clang_getSpellingLocation) }
    var isInSystemHeader: Bool { clang_Location_isInSystemHeader(self) != 0 }
    var isInMainFile: Bool { clang_Location_isFromMainFile(self) != 0 }

    private func resolve(_ f: (CXSourceLocation, UnsafeMutablePointer<CXFile?>?, UnsafeMutablePointer<UInt32>?,
                               UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?) -> Void) -> ResolvedLocation? {
        var file: CXFile?
        var line: UInt32 = 0, column: UInt32 = 0, offset: UInt32 = 0
        f(self, &file, &line, &column, &offset)
        guard let file else { return nil }
        let name = clang_getFileName(file).consume()
        guard !name.isEmpty else { return nil }
        return ResolvedLocation(path: name, line: Int(line), column: Int(column), offset: Int(offset))
    }
}

/// One token of a translation unit, copied out of libclang.
struct SourceToken {
    var kind: CXTokenKind
    var text: String
    var location: CXSourceLocation
}

/// The tokens of `range` as written in the file (macros not expanded); libclang's buffer is disposed here.
func sourceTokens(_ tu: CXTranslationUnit, _ range: CXSourceRange) -> [SourceToken] {
    var raw: UnsafeMutablePointer<CXToken>?
    var count: UInt32 = 0
    clang_tokenize(tu, range, &raw, &count)
    guard let raw else { return [] }
    defer { clang_disposeTokens(tu, raw, count) }
    return (0..<Int(count)).map { i in
        SourceToken(kind: clang_getTokenKind(raw[i]), text: clang_getTokenSpelling(tu, raw[i]).consume(),
                    location: clang_getTokenLocation(tu, raw[i]))
    }
}
