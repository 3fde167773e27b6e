import CRE2
import Foundation

/// The regular expressions of a configuration, compiled by RE2 into one automaton: a name is matched against all
/// of them in one pass, in time linear in the name — never by backtracking (`(.*a){12}y` against a 202-character
/// name hung the scan under a backtracking engine) and never patterns × names. Syntax is RE2's: what ICU and
/// POSIX share, without backreferences or lookaround.
public final class PatternSet: @unchecked Sendable {
    /// Bounds on what a configuration may ask, each refused with a clear error.
    public enum Limits {
        /// Bytes in one pattern.
        public static let patternBytes = 1000
        /// Patterns in one set: a sinkmap.yml's (at most 10,000) and the built-in catalog's. Exact names
        /// (`function:`) are not counted: they are a hash lookup.
        public static let patterns = 20_000
        /// Memory one pattern's automaton may take (RE2's budget): a larger one is "too complex".
        public static let automatonBytes: Int64 = 8 << 20
        /// Memory the combined automaton of all patterns may take.
        public static let setBytes: Int64 = 256 << 20
    }

    private let set: OpaquePointer
    public let count: Int

    /// Fails on the first pattern that is too long, invalid or too complex (`PatternError.invalid` names its index).
    public init(_ patterns: [String]) throws {
        guard patterns.count <= Limits.patterns else { throw PatternError.tooMany(patterns.count) }
        set = sinkmap_re2_set_new(Limits.setBytes)
        count = patterns.count
        for (i, p) in patterns.enumerated() {
            // No free here: the set is fully initialized, so deinit frees it when init throws.
            if let reason = Self.problem(p, adding: set) {
                throw PatternError.invalid(index: i, pattern: p, reason: reason.description)
            }
        }
        guard sinkmap_re2_set_compile(set) == 0 else {
            throw PatternError.tooComplexTogether(patterns.count)
        }
    }

    deinit { sinkmap_re2_set_free(set) }

    /// Why a pattern cannot be used.
    public struct Problem: CustomStringConvertible, Equatable {
        public var description: String
        /// Invalid syntax (or syntax RE2 lacks), as opposed to a pattern too long or too complex.
        public var isSyntax: Bool
    }

    /// Why `pattern` cannot be used (too long, invalid, syntax RE2 lacks, too complex), or nil.
    public static func problem(_ pattern: String) -> Problem? {
        let set = sinkmap_re2_set_new(Limits.setBytes)
        defer { sinkmap_re2_set_free(set) }
        return problem(pattern, adding: set)
    }

    private static func problem(_ pattern: String, adding set: OpaquePointer?) -> Problem? {
        let bytes = Array(pattern.utf8)
        guard bytes.count <= Limits.patternBytes else {
            return Problem(description: "longer than \(Limits.patternBytes) bytes (\(bytes.count)); patterns are bounded", isSyntax: false)
        }
        var error = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                sinkmap_re2_set_add(set, $0.baseAddress, $0.count, &error, error.count)
            }
        }
        guard status != 0 else { return nil }
        let reason = String(cString: error)
        let tooComplex = reason.contains("too large") || reason.contains("memory") || reason.contains("repetition size")
        return Problem(description: tooComplex ? "too complex for a pattern (\(reason))" : reason, isSyntax: !tooComplex)
    }

    /// The smallest index of a pattern found in `name`, or nil.
    public func firstMatch(_ name: String) -> Int? {
        var copy = name
        let hit = copy.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { sinkmap_re2_set_first_match(set, $0.baseAddress, $0.count) }
        }
        return hit >= 0 ? Int(hit) : nil
    }
}

public enum PatternError: Error, Equatable, CustomStringConvertible {
    case invalid(index: Int, pattern: String, reason: String)
    case tooMany(Int)
    case tooComplexTogether(Int)

    public var description: String {
        switch self {
        case .invalid(_, let pattern, let reason): return "'\(pattern)' is not a usable regular expression: \(reason)"
        case .tooMany(let n): return "\(n) patterns; at most \(PatternSet.Limits.patterns) are allowed (list exact names under 'functions:' instead)"
        case .tooComplexTogether(let n): return "the \(n) patterns together are too complex to compile into one automaton"
        }
    }
}
