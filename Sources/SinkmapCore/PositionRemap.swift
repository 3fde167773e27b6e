/// Moves every position a unit's facts record from the old versions of some files to their new versions, when the
/// files changed without changing their tokens (`TokenText`, `PositionShift`): what lets the facts cache keep a
/// unit whose header gained a comment, with the report's lines exactly those a fresh parse gives.
///
/// Positions are in the facts in three forms: as `SourceLocation`s and diagnostics (with their file), as a flow's
/// edges and closure keys (in the flow's file), and inside strings — a lambda's name (`main::lambda@14:27`, its
/// file is its `FunctionFact`'s), clang's spelling of an unnamed type (`(lambda at /src/main.cpp:19:25)`), a
/// declaration's key (`src/main.cpp:1234`, an offset), a closure reference (`lambda-at:src/main.cpp:19:25`) and a
/// USR's local declaration (`main.cpp@1234`). A string position whose file cannot be told is left alone only if no
/// moved file moves a token at that place; otherwise, as for any position that is not a token's start, remapping
/// fails and the unit is parsed again.
public struct PositionRemap {
    public struct Unmappable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The moved files by every spelling a fact may use: the root-relative path and the absolute one.
    private let shifts: [String: PositionShift]
    /// Every file the unit read, moved or not, by each spelling.
    private let files: [String: PositionShift?]
    /// By last path component (a USR spells a file so); `shared` when two files the unit read have that name.
    private let byBasename: [String: (shift: PositionShift?, shared: Bool)]
    /// Lambda and block names, to the file each was written in.
    private var closureFiles: [String: String] = [:]

    /// Every file the unit read, with the spellings facts may use for it (the root-relative path for a file under
    /// the root, the absolute path) and, for a moved file, its shift.
    public init(files: [(spellings: [String], shift: PositionShift?)]) {
        var shifts: [String: PositionShift] = [:]
        var all: [String: PositionShift?] = [:]
        var basenames: [String: (shift: PositionShift?, shared: Bool)] = [:]
        for file in files {
            for s in file.spellings {
                all[s] = .some(file.shift)
                if let shift = file.shift { shifts[s] = shift }
            }
            guard let absolute = file.spellings.last else { continue }
            let name = String(absolute.split(separator: "/").last ?? "")
            if let seen = basenames[name] {
                basenames[name] = (seen.shift ?? file.shift, true)
            } else {
                basenames[name] = (file.shift, false)
            }
        }
        self.shifts = shifts
        self.files = all
        byBasename = basenames
    }

    // MARK: - Structured positions

    public func location(_ l: SourceLocation) throws -> SourceLocation {
        let p = try position(file: l.file, line: l.line, column: l.column)
        return SourceLocation(file: l.file, line: p.line, column: p.column)
    }

    func position(file: String, line: Int, column: Int) throws -> (line: Int, column: Int) {
        try Self.move(shifts[file], line: line, column: column)
    }

    /// A position in a file that moved by `shift` (unchanged when it did not move); throws when no token starts there.
    static func move(_ shift: PositionShift?, line: Int, column: Int) throws -> (line: Int, column: Int) {
        guard let shift else { return (line, column) }
        guard let p = shift.position(line: line, column: column) else { throw Unmappable(description: "\(line):\(column) is not a token") }
        return p
    }

    // MARK: - Positions in strings

    public func string(_ s: String) throws -> String {
        let u = Array(s.utf8)
        // Fast path: no `:` or `@` before a digit, no position.
        var any = false
        for k in u.indices.dropLast() where (u[k] == 0x3A || u[k] == 0x40) && Self.isDigit(u[k + 1]) { any = true; break }
        guard any else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(u.count + 8)
        var k = 0
        while k < u.count {
            let c = u[k]
            guard (c == 0x3A || c == 0x40), k + 1 < u.count, Self.isDigit(u[k + 1]) else {
                out.append(c)
                k += 1
                continue
            }
            let (first, afterFirst) = Self.number(u, from: k + 1)
            var second: Int?
            var end = afterFirst
            if afterFirst + 1 < u.count, u[afterFirst] == 0x3A, Self.isDigit(u[afterFirst + 1]) {
                let (n, after) = Self.number(u, from: afterFirst + 1)
                second = n
                end = after
            }
            // A number running on into a word is not a position.
            if end < u.count, Self.isWordByte(u[end]) { out.append(contentsOf: u[k..<end]); k = end; continue }
            let prefix = u[0..<k]
            let replacement: String
            if let column = second {
                let p = try linePosition(prefix: prefix, marker: c, line: first, column: column, whole: u[0..<end])
                replacement = "\(p.line):\(p.column)"
            } else {
                replacement = String(try offsetPosition(prefix: prefix, marker: c, offset: first))
            }
            out.append(c)
            out.append(contentsOf: Array(replacement.utf8))
            k = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func linePosition(prefix: ArraySlice<UInt8>, marker: UInt8, line: Int, column: Int,
                              whole: ArraySlice<UInt8>) throws -> (line: Int, column: Int) {
        if marker == 0x3A, let file = spelledFile(before: prefix) { return try Self.move(file, line: line, column: column) }
        if marker == 0x40, let file = closureFiles[String(decoding: whole, as: UTF8.self)] {
            return try position(file: file, line: line, column: column)
        }
        // Its file unknown: kept if no moved file moves a token there.
        for shift in shifts.values where !shift.keeps(line: line, column: column) {
            throw Unmappable(description: "\(line):\(column) may be in a moved file")
        }
        return (line, column)
    }

    private func offsetPosition(prefix: ArraySlice<UInt8>, marker: UInt8, offset: Int) throws -> Int {
        var known: PositionShift??
        if marker == 0x3A { known = spelledFile(before: prefix) }
        if marker == 0x40 {
            // `main.cpp@1234`: the file's last component right before.
            var start = prefix.endIndex
            while start > prefix.startIndex, Self.isNameByte(prefix[start - 1]) { start -= 1 }
            let name = String(decoding: prefix[start...], as: UTF8.self)
            if let file = byBasename[name] {
                if file.shared && file.shift != nil { throw Unmappable(description: "\(name)@\(offset): two files share the name") }
                known = .some(file.shift)
            }
        }
        if let file = known {
            guard let shift = file else { return offset }
            guard let moved = shift.offset(offset) else { throw Unmappable(description: "offset \(offset) is not a token") }
            return moved
        }
        for shift in shifts.values where shift.offset(offset).map({ $0 != offset }) ?? false {
            throw Unmappable(description: "offset \(offset) may be in a moved file")
        }
        return offset
    }

    /// The file spelled right before a `:` (the path bytes back from it): `.some(shift)` for a moved file,
    /// `.some(nil)` for one that did not move, nil for a spelling no file the unit read has.
    private func spelledFile(before prefix: ArraySlice<UInt8>) -> PositionShift?? {
        var start = prefix.endIndex
        while start > prefix.startIndex, Self.isPathByte(prefix[start - 1]) { start -= 1 }
        guard start < prefix.endIndex else { return nil }
        return files[String(decoding: prefix[start...], as: UTF8.self)]
    }

    static func number(_ u: [UInt8], from k: Int) -> (Int, Int) {
        var j = k, n = 0
        while j < u.count, isDigit(u[j]), n < 1 << 40 { n = n * 10 + Int(u[j] - 0x30); j += 1 }
        return (n, j)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isWordByte(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F }
    static func isNameByte(_ c: UInt8) -> Bool { isWordByte(c) || c == 0x2E || c == 0x2D || c == 0x2B || c >= 0x80 }
    static func isPathByte(_ c: UInt8) -> Bool { isNameByte(c) || c == 0x2F }

    // MARK: - Facts

    /// The facts with every position moved; throws when one cannot be.
    public func facts(_ facts: TranslationUnitFacts) throws -> TranslationUnitFacts {
        var r = self
        for f in facts.functions where f.kind == .lambda || f.kind == .block {
            if let file = f.location?.file { r.closureFiles[f.name] = file }
        }
        return try r.apply(facts)
    }

    private func apply(_ old: TranslationUnitFacts) throws -> TranslationUnitFacts {
        var u = old
        u.functions = try old.functions.map {
            var f = try moving($0, [\.id, \.name], optional: [\.signature])
            // A unit's initializer is placed at its main file's 1:1 whatever is written there.
            if f.kind != .initializer { f.location = try f.location.map(location) }
            return f
        }
        u.calls = try old.calls.map { try moving($0, [\.caller, \.callee], optional: [\.macro, \.writtenAs], at: [\.location]) }
        u.diagnostics = try old.diagnostics.map {
            var d = try moving($0, [\.message])
            if let line = d.line, let column = d.column {
                (d.line, d.column) = try position(file: d.file, line: line, column: column)
            } else if d.line != nil, shifts[d.file] != nil {
                throw Unmappable(description: "a diagnostic's line without a column")
            }
            return d
        }
        u.overrides = try old.overrides.map { try moving($0, [\.method, \.overridden]) }
        u.addressStores = try old.addressStores.map {
            var a = try moving($0, [\.function], optional: [\.slot])
            a.location = try a.location.map(location)
            return a
        }
        u.slotFlows = try old.slotFlows.map { try moving($0, [\.from, \.to]) }
        u.containerAccesses = try old.containerAccesses.map { try moving($0, [\.function, \.container], at: [\.location]) }
        u.aliases = try old.aliases.map { try moving($0, [\.alias, \.canonical]) }
        u.instantiations = try old.instantiations.map {
            var i = try moving($0, [\.template])
            i.arguments = try i.arguments.map(string)
            return i
        }
        u.dependentCalls = try old.dependentCalls.map { try moving($0, [\.caller, \.member], optional: [\.macro], at: [\.location]) }
        u.endpointFlows = try old.endpointFlows.map {
            try moving($0, [\.function], optional: [\.url, \.slot, \.slotName, \.to, \.toFunction], at: [\.location])
        }
        u.registrations = try old.registrations.map {
            try moving($0, [\.function, \.registeredBy], optional: [\.route, \.routeAsWritten], at: [\.location])
        }
        u.publicDeclarations = try old.publicDeclarations.map(string)
        u.streamReads = try old.streamReads.map { try moving($0, [\.function, \.stream]) }
        u.frameworkFunctions = try old.frameworkFunctions.map(string)
        u.unresolvedServiceMethods = try old.unresolvedServiceMethods.map { try moving($0, [\.method, \.name, \.base, \.service]) }
        u.flows = try old.flows.map(flow)
        return u
    }

    /// `fact` with the positions in the named strings, optional strings and locations moved.
    private func moving<T>(_ fact: T, _ strings: [WritableKeyPath<T, String>], optional: [WritableKeyPath<T, String?>] = [],
                           at locations: [WritableKeyPath<T, SourceLocation>] = []) throws -> T {
        var x = fact
        for p in strings { x[keyPath: p] = try string(x[keyPath: p]) }
        for p in optional { x[keyPath: p] = try x[keyPath: p].map(string) }
        for p in locations { x[keyPath: p] = try location(x[keyPath: p]) }
        return x
    }

    private func flow(_ old: FlowFact) throws -> FlowFact {
        var f = try moving(old, [\.function], optional: [\.enclosing])
        f.parameters = try f.parameters.map { try moving($0, [\.name]) }
        f.values = try f.values.map {
            var v = try moving($0, [\.name])
            if v.kind == .closure {
                // `line:column` of the lambda, in the flow's file.
                let parts = v.key.split(separator: ":")
                guard parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]) else {
                    throw Unmappable(description: "closure key \(v.key)")
                }
                let p = try position(file: f.file, line: line, column: column)
                v.key = "\(p.line):\(p.column)"
            } else {
                v.key = try string(v.key)
            }
            return v
        }
        if shifts[f.file] != nil {
            var k = 0
            while k + 3 < f.edges.count {
                let p = try position(file: f.file, line: Int(f.edges[k + 2]), column: Int(f.edges[k + 3]))
                f.edges[k + 2] = Int32(clamping: p.line)
                f.edges[k + 3] = Int32(clamping: p.column)
                k += 4
            }
        }
        f.calls = try f.calls.map { try moving($0, [\.name], at: [\.location]) }
        return f
    }
}
