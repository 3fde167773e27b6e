import Crypto

/// A C, C++ or Objective-C file's text as the compiler's tokens see it: comments and the amount of white space
/// taken out, everything else kept byte for byte. Two versions of a file with the same `TokenText` differ only
/// where clang sees white space — a comment added, lines moved down, indentation — so a unit that read one can
/// reuse what it recorded for the other once positions are moved (`PositionShift`, the facts cache).
///
/// The rule is one-sided: whatever this reader drops must be white space or a comment to clang in every language
/// mode; what it cannot be sure of it keeps, and a file it cannot read safely has no `TokenText` at all (it is
/// then compared byte for byte, as before). It does not need clang's token boundaries: a run of white space and
/// comments becomes one separator (a space, or a new line when the run holds one — a new line ends a directive),
/// and two texts with the same separators and the same bytes between them are the same tokens.
///
/// Kept verbatim: string and character literals; directive lines (`#…` up to the end of the logical line, comments
/// included: a header name `<a//b.h>` is not a comment), and lines starting with `import`, `module` or `export`.
/// No `TokenText` (the file is compared byte for byte) for anything whose reading depends on what this reader does
/// not model: carriage returns, trigraphs, raw string literals, digit separators (`1'000`: a literal in C, not in
/// C++), a `//` comment continued by a backslash, a line splice inside a block comment, an unterminated block
/// comment, a directive line that opens a block comment it does not close.
public struct TokenText: Equatable, Sendable {
    /// The kept bytes with separators; a kept 0 is doubled, a separator is 0 then 1 (space) or 2 (new line), so the
    /// stream says where every separator is.
    public let stream: [UInt8]
    /// The offset in the file of each kept byte, in order (recorded only when asked for).
    public let kept: [Int32]

    public static func == (a: TokenText, b: TokenText) -> Bool { a.stream == b.stream }

    /// SHA-256 of `stream`, lowercase hex: what a cache entry keeps for a file.
    public var digest: String { SHA256.hash(data: stream).hexDigits }

    /// nil when the file holds something this reader does not model (see above).
    public init?(_ bytes: [UInt8], positions: Bool = false) {
        var reader = Reader(bytes: bytes, positions: positions)
        guard reader.read() else { return nil }
        stream = reader.stream
        kept = reader.kept
    }

    private struct Reader {
        let b: [UInt8]
        let positions: Bool
        var stream: [UInt8] = []
        var kept: [Int32] = []
        var i = 0
        /// A separator is pending (white space or a comment since the last kept byte), and whether it holds a new line.
        var pending = false
        var pendingNewline = false
        /// Only white space and comments since the last new line: a `#` here starts a directive.
        var lineStart = true
        /// The last kept byte was part of an identifier or a number with nothing between.
        var inWord = false
        var inNumber = false

        init(bytes: [UInt8], positions: Bool) {
            b = bytes
            self.positions = positions
            stream.reserveCapacity(bytes.count)
            if positions { kept.reserveCapacity(bytes.count) }
        }

        func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }

        /// The length of a line splice at `k` (a backslash, horizontal white space, a new line), or 0.
        func splice(_ k: Int) -> Int {
            guard at(k) == 0x5C else { return 0 }
            var j = k + 1
            while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0B || b[j] == 0x0C { j += 1 }
            return j < b.count && b[j] == 0x0A ? j + 1 - k : 0
        }

        mutating func keep(_ k: Int) {
            if pending {
                if !stream.isEmpty {               // what comes before the first kept byte says nothing
                    stream.append(0)
                    stream.append(pendingNewline ? 2 : 1)
                }
                pending = false
                pendingNewline = false
            }
            if b[k] == 0 { stream.append(0) }
            stream.append(b[k])
            if positions { kept.append(Int32(truncatingIfNeeded: k)) }
            lineStart = false
        }

        mutating func separate(newline: Bool) {
            pending = true
            if newline { pendingNewline = true; lineStart = true }
            inWord = false
            inNumber = false
        }

        static func isWordByte(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x24 || c >= 0x80
        }

        static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C }

        mutating func read() -> Bool {
            // Carriage returns (line ends clang counts differently) and trigraphs (`??/` is a backslash in C modes).
            for k in b.indices {
                if b[k] == 0x0D { return false }
                if b[k] == 0x3F, at(k + 1) == 0x3F, [0x3D, 0x2F, 0x27, 0x28, 0x29, 0x21, 0x3C, 0x3E, 0x2D].contains(at(k + 2)) {
                    return false
                }
            }
            while i < b.count {
                let c = b[i]
                if Self.isSpace(c) { separate(newline: c == 0x0A); i += 1; continue }
                if c == 0x2F, at(i + 1) == 0x2F {          // `//` to the end of the line
                    var j = i + 2
                    while j < b.count, b[j] != 0x0A { j += 1 }
                    var k = j - 1
                    while k > i + 1, b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x0B || b[k] == 0x0C { k -= 1 }
                    if k > i + 1, b[k] == 0x5C, j < b.count { return false }   // continued onto the next line
                    separate(newline: false)
                    i = j
                    continue
                }
                if c == 0x2F, at(i + 1) == 0x2A {          // `/* … */`
                    var j = i + 2
                    var newline = false
                    while j + 1 < b.count, !(b[j] == 0x2A && b[j + 1] == 0x2F) {
                        if splice(j) > 0 { return false }
                        if b[j] == 0x0A { newline = true }
                        j += 1
                    }
                    guard j + 1 < b.count else { return false }
                    separate(newline: newline)
                    i = j + 2
                    continue
                }
                if lineStart, c == 0x23 || (c == 0x25 && at(i + 1) == 0x3A) || startsModuleLine(i) {
                    guard directive() else { return false }
                    continue
                }
                if c == 0x22 || c == 0x27 {
                    // `R"(…)"` is a raw string in C++ and `R` then a string in C; `1'000` a number in C++, a literal in C.
                    if c == 0x22, !pending, let last = stream.last, last == 0x52, inWord { return false }
                    if c == 0x27, !pending, inNumber { return false }
                    literal(quote: c)
                    continue
                }
                let s = splice(i)
                if s > 0 {                                 // kept: it joins what is around it, even a line's start
                    let atStart = lineStart
                    for k in i..<(i + s) { keep(k) }
                    lineStart = atStart
                    i += s
                    continue
                }
                let word = Self.isWordByte(c)
                if word {
                    let digit = c >= 0x30 && c <= 0x39
                    if !inWord || pending { inNumber = digit }
                } else if inNumber, c == 0x2E {
                    // `1.5`: still the number
                } else if inNumber, c == 0x2B || c == 0x2D, let last = stream.last, !pending,
                          last == 0x65 || last == 0x45 || last == 0x70 || last == 0x50 {
                    // `1e+5`: still the number
                } else if c == 0x2E, Self.isDigit(at(i + 1)) {
                    inNumber = true
                } else {
                    inNumber = false
                }
                keep(i)
                inWord = word || inNumber
                i += 1
            }
            return true
        }

        static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

        /// `import`, `module` or `export` first on a line: C++20 module lines can name a header like a directive.
        func startsModuleLine(_ k: Int) -> Bool {
            for word in [Array("import".utf8), Array("module".utf8), Array("export".utf8)]
            where k + word.count <= b.count && Array(b[k..<(k + word.count)]) == word && !Self.isWordByte(at(k + word.count)) {
                return true
            }
            return false
        }

        /// A directive line, kept whole up to its (unspliced) end. A block comment it opens must close on it.
        mutating func directive() -> Bool {
            let start = i
            while i < b.count, b[i] != 0x0A {
                let s = splice(i)
                if s > 0 { for k in i..<(i + s) { keep(k) }; i += s; continue }
                keep(i)
                i += 1
            }
            let line = b[start..<i]
            if let open = Self.lastRange(of: [0x2F, 0x2A], in: line) {
                guard let close = Self.lastRange(of: [0x2A, 0x2F], in: line), close > open + 1 else { return false }
            }
            inWord = false
            inNumber = false
            return true
        }

        static func lastRange(of needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
            guard hay.count >= needle.count else { return nil }
            var k = hay.endIndex - needle.count
            while k >= hay.startIndex {
                if hay[k] == needle[0] && hay[k + 1] == needle[1] { return k }
                k -= 1
            }
            return nil
        }

        /// A string or character literal, kept up to its closing quote or the end of its line (unterminated).
        mutating func literal(quote: UInt8) {
            keep(i)
            i += 1
            while i < b.count {
                let s = splice(i)
                if s > 0 { for k in i..<(i + s) { keep(k) }; i += s; continue }
                let c = b[i]
                if c == 0x0A { break }
                keep(i)
                i += 1
                if c == quote { break }
                if c == 0x5C, i < b.count, b[i] != 0x0A, splice(i) == 0 { keep(i); i += 1 }
            }
            inWord = false
            inNumber = false
        }
    }
}

/// How positions moved in one file between two versions with the same `TokenText`: the n-th kept byte of the old
/// version is the n-th of the new. Only positions of kept bytes move (every position a fact records is the start of
/// a token); any other position has no image, and whoever asks treats the file as changed.
public struct PositionShift: Sendable {
    let oldKept: [Int32]
    let newKept: [Int32]
    let oldLineStarts: [Int32]
    let newLineStarts: [Int32]
    let oldSize: Int

    /// nil when the two versions are not the same tokens (or either cannot be read).
    public init?(old: [UInt8], new: [UInt8]) {
        guard let a = TokenText(old, positions: true), let b = TokenText(new, positions: true), a == b else { return nil }
        oldKept = a.kept
        newKept = b.kept
        oldLineStarts = Self.lineStarts(old)
        newLineStarts = Self.lineStarts(new)
        oldSize = old.count
    }

    static func lineStarts(_ bytes: [UInt8]) -> [Int32] {
        var starts: [Int32] = [0]
        for (k, c) in bytes.enumerated() where c == 0x0A { starts.append(Int32(k + 1)) }
        return starts
    }

    /// 1-based line of `offset`.
    static func line(of offset: Int, in starts: [Int32]) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(starts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The new offset of the kept byte at old `offset`; nil if none is kept there.
    public func offset(_ old: Int) -> Int? {
        var lo = 0, hi = oldKept.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let v = Int(oldKept[mid])
            if v == old { return Int(newKept[mid]) }
            if v < old { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// The new line and column (1-based, columns in bytes as clang counts them) of an old one.
    public func position(line: Int, column: Int) -> (line: Int, column: Int)? {
        guard line >= 1, line <= oldLineStarts.count, column >= 1 else { return nil }
        let old = Int(oldLineStarts[line - 1]) + column - 1
        let lineEnd = line < oldLineStarts.count ? Int(oldLineStarts[line]) : oldSize
        guard old < lineEnd, let new = offset(old) else { return nil }
        let newLine = Self.line(of: new, in: newLineStarts)
        return (newLine, new - Int(newLineStarts[newLine - 1]) + 1)
    }

    /// Whether a position (old line and column) is the same in the new version: before any move, or where no
    /// byte is kept (then it names nothing this file's tokens hold).
    public func keeps(line: Int, column: Int) -> Bool {
        guard let moved = position(line: line, column: column) else { return true }
        return moved.line == line && moved.column == column
    }
}
