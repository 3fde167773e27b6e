/// Makes text from the scanned tree inert in Markdown: names become code spans whose fence outgrows any
/// backticks inside, other text gets its Markdown punctuation backslash-escaped, and in table cells `|` is
/// escaped (GitHub reads `\|` as a literal pipe even inside a code span). Control characters become visible
/// `\u{…}` escapes first, so no name can break a line.
enum MarkdownText {
    /// `s` as an inline code span.
    static func code(_ s: String, inTable: Bool = false) -> String {
        var body = TerminalText.sanitize(s)
        if body.isEmpty { return "(empty)" }
        if inTable { body = body.replacingOccurrences(of: "|", with: "\\|") }
        var longest = 0, run = 0
        for c in body {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = body.hasPrefix("`") || body.hasSuffix("`") || (body.hasPrefix(" ") && body.hasSuffix(" ")) ? " " : ""
        return fence + pad + body + pad + fence
    }

    /// `s` as plain text: every character Markdown or HTML could act on is backslash-escaped.
    static func text(_ s: String) -> String {
        var out = ""
        for c in TerminalText.sanitize(s) {
            if "\\`*_[]<>|#!~&".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
