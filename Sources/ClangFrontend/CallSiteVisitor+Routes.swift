import CClang

/// Route text for HTTP registrations: `POST /completion` from a literal pattern, `POST ${prefix}/load` from one
/// built at run time, and the verbs of a framework's method list.
extension CallSiteVisitor {
    /// `VERB pattern`: the pattern literally when it is a string literal, else the `+`-joined pieces of its
    /// source text with every piece that is not a literal written `${piece}`.
    func route(_ verb: String, _ pattern: CXCursor) -> String {
        let text = literal(pattern) ?? spelledPattern(pattern)
        return verb.isEmpty ? text : "\(verb) \(text)"
    }

    /// The value of a string literal under conversions (`const std::string &` from `"/x"`).
    private func literal(_ expression: CXCursor, depth: Int = 0) -> String? {
        guard depth < 8 else { return nil }
        switch expression.kind {
        case CXCursor_StringLiteral:
            return Self.unquote(expression.spelling)
        case CXCursor_UnexposedExpr, CXCursor_ParenExpr, CXCursor_CallExpr:
            let children = Self.children(expression)
            guard children.count == 1 else { return nil }
            return literal(children[0], depth: depth + 1)
        default:
            return nil
        }
    }

    private func spelledPattern(_ expression: CXCursor) -> String {
        let tokens = self.tokens(expression.extent)
        guard !tokens.isEmpty else { return "${?}" }
        var pieces: [[(String, CXTokenKind)]] = [[]]
        var nesting = 0
        for token in tokens {
            if token.0 == "(" || token.0 == "[" || token.0 == "{" { nesting += 1 }
            if token.0 == ")" || token.0 == "]" || token.0 == "}" { nesting -= 1 }
            if token.0 == "+" && nesting == 0 { pieces.append([]); continue }
            pieces[pieces.count - 1].append(token)
        }
        return pieces.map { piece in
            if piece.count == 1, piece[0].1 == CXToken_Literal, let s = Self.unquote(piece[0].0) { return s }
            var text = ""
            var previousWord = false
            for (spelling, kind) in piece {
                let word = kind == CXToken_Identifier || kind == CXToken_Keyword || kind == CXToken_Literal
                if word && previousWord { text += " " }
                text += spelling
                previousWord = word
            }
            return "${\(text)}"
        }.joined()
    }

    /// HTTP verbs named in a registration's method list: `{drogon::Post}`, `.methods("POST"_method)`,
    /// `.methods(crow::HTTPMethod::Post)`.
    func methodNames(in expression: CXCursor) -> [String] {
        var verbs: [String] = []
        for (spelling, kind) in tokens(expression.extent) {
            var word = spelling
            if kind == CXToken_Literal, spelling.hasSuffix("_method"), let s = Self.unquote(String(spelling.dropLast(7))) {
                word = s
            } else if kind != CXToken_Identifier {
                continue
            }
            let upper = word.uppercased()
            if Self.httpVerbs.contains(where: { $0.uppercased() == upper }), !verbs.contains(upper) { verbs.append(upper) }
        }
        return verbs
    }

    private func tokens(_ range: CXSourceRange) -> [(String, CXTokenKind)] {
        sourceTokens(tu, range).map { ($0.text, $0.kind) }
    }

    /// `"/completion"` → `/completion`; prefixes (`u8`, `L`) dropped, simple escapes undone; nil if not a string.
    static func unquote(_ spelled: String) -> String? {
        guard let open = spelled.firstIndex(of: "\""), spelled.hasSuffix("\""), spelled.count >= 2 else { return nil }
        let body = spelled[spelled.index(after: open)..<spelled.index(before: spelled.endIndex)]
        var out = ""
        var escaped = false
        for c in body {
            if escaped { out.append(c == "n" ? "\n" : c == "t" ? "\t" : c); escaped = false }
            else if c == "\\" { escaped = true }
            else { out.append(c) }
        }
        return out
    }
}
