/// POSIX-shell-like splitting of a `command` string: quotes and backslashes, no expansion of anything.
public enum ShellWords {
    public static func split(_ s: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escape = false
        for ch in s {
            if escape {
                current.append(ch); escape = false; inWord = true; continue
            }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escape = true } else { current.append(ch) }
                continue
            }
            switch ch {
            case "\\": escape = true; inWord = true
            case "\"", "'": quote = ch; inWord = true
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(ch); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
