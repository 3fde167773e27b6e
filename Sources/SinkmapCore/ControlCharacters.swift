import Foundation

/// Characters a scanned tree can put in file names, identifiers and string literals that must never reach a
/// terminal or a reviewer's screen as themselves: C0 and C1 controls (ESC starts an ANSI sequence, U+009B is a
/// one-character CSI), DEL, the Unicode line and paragraph separators, and the bidirectional marks, embeddings,
/// overrides and isolates that make text display in another order than it reads ("Trojan Source") — and the
/// characters that show as nothing, so two names that read the same differ (`zw_\u{200b}_ok` reads `zw__ok`):
/// every format character (zero-width space and joiners, U+2060–206F, the BOM U+FEFF, the soft hyphen U+00AD, tag
/// characters), variation selectors, and the blank letters (Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Khmer
/// U+17B4/5, the combining grapheme joiner U+034F, the Braille blank U+2800).
public enum ControlCharacters {
    public static func contains(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20..<0x7f: return false
        case 0x00..<0x20, 0x7f..<0xa0: return true
        case 0x061c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a...0x202e, 0x2066...0x2069: return true
        case 0x00ad, 0x034f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b...0x180f, 0x200b...0x200d, 0x2060...0x206f,
             0x2800, 0x3164, 0xfe00...0xfe0f, 0xfeff, 0xffa0, 0xe0000...0xe007f, 0xe0100...0xe01ef: return true
        default: return u.properties.generalCategory == .format
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
