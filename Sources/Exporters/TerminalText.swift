import Foundation
import SinkmapCore

/// Makes text from the scanned tree safe to print: control characters (including ESC, so no ANSI sequence
/// from a file name or identifier reaches the terminal), Unicode line separators and bidirectional controls
/// become visible `\u{…}` escapes (`ControlCharacters`).
public enum TerminalText {
    public static func sanitize(_ s: String) -> String {
        ControlCharacters.visible(s)
    }

    /// JSON whose bytes are safe on a terminal: the same value, with those characters as `\uXXXX` escapes.
    public static func escapedJSON(_ json: Data) -> Data {
        ControlCharacters.escapedJSON(json)
    }
}
