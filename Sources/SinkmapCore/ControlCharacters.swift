import Foundation

/// Characters a scanned tree can put in file names, identifiers and string literals that must never reach a
/// terminal or a reviewer's screen as themselves: C0 and C1 controls (ESC starts an ANSI sequence, U+009B is a
/// one-character CSI), DEL, the Unicode line and paragraph separators, and the bidirectional marks, embeddings,
/// overrides and isolates that make text display in another order than it reads ("Trojan Source").
public enum ControlCharacters {
    public static func contains(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x00..<0x20, 0x7f..<0xa0: return true
        case 0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a...0x202e, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `s` with each such character written as a visible `\u{…}` escape.
    public static func visible(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: contains) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if contains(u) { out += "\\u{\(String(u.value, radix: 16))}" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// JSON text with each such character written as a `\uXXXX` escape: the same JSON value, but bytes that are
    /// safe to print or diff. JSON encoders escape C0 controls inside strings themselves, so a raw one is
    /// structural white space (a pretty-printed newline) and stays; DEL, C1 and the Unicode ones can only be inside
    /// strings, where the escape means the same.
    public static func escapedJSON(_ json: Data) -> Data {
        func escaped(_ u: Unicode.Scalar) -> Bool { u.value >= 0x20 && contains(u) }
        let text = String(decoding: json, as: UTF8.self)
        guard text.unicodeScalars.contains(where: escaped) else { return json }
        var out = ""
        out.reserveCapacity(json.count + 64)
        for u in text.unicodeScalars {
            if escaped(u) {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return Data(out.utf8)
    }
}
