/// Makes text from the scanned tree safe to print: control characters (including ESC, so no ANSI sequence
/// from a file name or identifier reaches the terminal) become visible `\u{…}` escapes.
public enum TerminalText {
    public static func sanitize(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if isControl(u) { out += "\\u{\(String(u.value, radix: 16))}" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    private static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7f && u.value < 0xa0) || u.value == 0x2028 || u.value == 0x2029
            || (u.value >= 0x202a && u.value <= 0x202e) || (u.value >= 0x2066 && u.value <= 0x2069)
    }
}
