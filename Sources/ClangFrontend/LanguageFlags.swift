import CClang
import Foundation

/// The libclang this process runs on, by version: which `-std=` spellings it knows.
public enum ClangVersion {
    /// The major version in a name such as "Debian clang version 19.1.7 (3~deb12u1)"; 0 when there is none.
    public static func major(of name: String) -> Int {
        guard let r = name.range(of: #"version [0-9]+"#, options: .regularExpression) else { return 0 }
        return Int(name[r].dropFirst("version ".count)) ?? 0
    }

    /// The loaded libclang's major version (14, 19, …).
    public static let loadedMajor: Int = major(of: clang_getClangVersion().consume())
}

/// The two language families whose flags can be given apart: C (and Objective-C) and C++ (and Objective-C++).
public enum SourceLanguage: String, CaseIterable, Sendable {
    case c
    case cxx = "c++"

    /// The language a unit is parsed as: its `-x` when it has one, else its extension.
    public static func of(file: String, arguments: [String]) -> SourceLanguage {
        if let declared = declared(in: arguments) { return declared.contains("++") ? .cxx : .c }
        switch (file as NSString).pathExtension {
        case "c", "m", "i": return .c
        case "C": return .cxx
        default:
            return ["cc", "cpp", "cxx", "c++", "mm", "cu", "hpp", "hh", "hxx", "ii"]
                .contains((file as NSString).pathExtension.lowercased()) ? .cxx : .c
        }
    }

    /// The last `-x LANGUAGE` (or `-xLANGUAGE`) of `arguments`, as written; nil without one.
    public static func declared(in arguments: [String]) -> String? {
        var declared: String?
        for (i, a) in arguments.enumerated() {
            if a == "-x", i + 1 < arguments.count { declared = arguments[i + 1] }
            else if a.hasPrefix("-x"), a.count > 2 { declared = String(a.dropFirst(2)) }
        }
        return declared
    }

    /// Whether `-std=VALUE` names a standard of this language (`gnu++20` is C++, `c17` is C).
    public static func ofStandard(_ value: String) -> SourceLanguage? {
        let v = value.lowercased()
        if v.hasPrefix("c++") || v.hasPrefix("gnu++") { return .cxx }
        if v.hasPrefix("c") || v.hasPrefix("gnu") || v.hasPrefix("iso9899:") { return .c }
        return nil
    }
}

/// What a scan adds to, or changes in, every unit's flags beyond its compile command: extra arguments per language,
/// the standard a unit gets when its command names none, and `-std=` spellings newer than the loaded libclang
/// rewritten to the names it knows.
public struct LanguageFlags: Sendable, Equatable {
    /// Extra arguments for C (and Objective-C) units, after the command's own (`--extra-arg-c`).
    public var extraC: [String] = []
    /// Extra arguments for C++ (and Objective-C++) units (`--extra-arg-cxx`).
    public var extraCXX: [String] = []
    /// The standard a unit gets when its command names none (`--std`): nil keeps sinkmap's default (gnu11 for C
    /// in a walk, gnu++17 for C++).
    public var standardC: String?
    public var standardCXX: String?

    public init() {}

    public func extra(for language: SourceLanguage) -> [String] { language == .c ? extraC : extraCXX }
    public func standard(for language: SourceLanguage) -> String? { language == .c ? standardC : standardCXX }

    /// A `-std=` value sinkmap accepts for `--std` and `std:` (letters, digits, `+`, `:`), and the language it is of.
    public static func validStandard(_ value: String) -> SourceLanguage? {
        guard !value.isEmpty, value.count <= 32,
              value.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "+:".unicodeScalars.contains($0) })
        else { return nil }
        return SourceLanguage.ofStandard(value)
    }
}

/// `-std=` spellings a libclang version does not know yet, rewritten to the nearest one it does: a compilation
/// database written for GCC 13 or a newer clang says `-std=gnu++23`, which libclang 14 rejects — and a rejected
/// flag loses the whole unit.
public enum StandardSpelling {
    /// The spelling `value` (what follows `-std=`) should have for libclang `major`, or nil when it knows it.
    public static func nearest(_ value: String, major: Int) -> String? {
        let v = value.lowercased()
        let gnu = v.hasPrefix("gnu")
        let cxx = v.contains("++")
        let year = String(v.drop { !$0.isNumber })
        if cxx {
            let prefix = gnu ? "gnu++" : "c++"
            switch year {
            case "23": return major >= 17 ? nil : prefix + "2b"
            case "26", "2c": return major >= 17 ? nil : prefix + "2b"
            case "2b": return nil
            default: return nil
            }
        }
        guard v.hasPrefix("c") || gnu else { return nil }
        let prefix = gnu ? "gnu" : "c"
        switch year {
        case "23": return major >= 18 ? nil : prefix + "2x"
        case "2y": return major >= 19 ? nil : (major >= 18 ? prefix + "23" : prefix + "2x")
        default: return nil
        }
    }

    /// `arguments` with every `-std=`/`--std=` value libclang `major` lacks replaced; `changed` gets
    /// "gnu++23 → gnu++2b" for each.
    public static func adapt(_ arguments: [String], major: Int, changed: inout Set<String>) -> [String] {
        arguments.map { a in
            for flag in ["-std=", "--std="] where a.hasPrefix(flag) {
                let value = String(a.dropFirst(flag.count))
                if let to = nearest(value, major: major) {
                    changed.insert("-std=\(value) → -std=\(to)")
                    return flag + to
                }
            }
            return a
        }
    }
}
