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

    /// The route with every piece built from a constant resolved — a string literal, a `const`/`constexpr`
    /// variable initialized with one, or a field's default member initializer (`std::string inference_path =
    /// "/inference"`) — when the pattern is not a literal and every piece resolves: `POST /inference` for
    /// `sparams.request_path + sparams.inference_path`. Nil when nothing needs or allows resolving.
    func resolvedRoute(_ verb: String, _ pattern: CXCursor) -> String? {
        guard literal(pattern) == nil, let text = constantString(pattern) else { return nil }
        return verb.isEmpty ? text : "\(verb) \(text)"
    }

    /// A string built only from constants: literals, `a + b` of constants, a variable or field whose initializer
    /// is one, through conversions and `std::string`'s constructors.
    private func constantString(_ expression: CXCursor, depth: Int = 0) -> String? {
        guard depth < 16 else { return nil }
        let children = Self.valueChildren(expression)
        switch expression.kind {
        case CXCursor_StringLiteral:
            return Self.unquote(expression.spelling)
        case CXCursor_UnexposedExpr, CXCursor_ParenExpr, CXCursor_CXXFunctionalCastExpr:
            return children.count == 1 ? constantString(children[0], depth: depth + 1) : nil
        case CXCursor_CallExpr:
            let referenced = clang_getCursorReferenced(expression)
            guard !referenced.isNull else { return nil }
            if referenced.spelling == "operator+" {
                // `a + b`: the two operands around the operator's own reference.
                let operands = children.filter { clang_getCursorReferenced($0).spelling != "operator+" }
                guard operands.count == 2, let a = constantString(operands[0], depth: depth + 1),
                      let b = constantString(operands[1], depth: depth + 1) else { return nil }
                return a + b
            }
            // A string's constructor or a conversion from one constant.
            guard referenced.kind == CXCursor_Constructor || referenced.kind == CXCursor_ConversionFunction,
                  children.count == 1 else { return nil }
            return constantString(children[0], depth: depth + 1)
        case CXCursor_DeclRefExpr, CXCursor_MemberRefExpr:
            let decl = clang_getCursorReferenced(expression)
            guard !decl.isNull, decl.kind == CXCursor_FieldDecl || decl.kind == CXCursor_VarDecl else { return nil }
            // A variable must be a constant; a field's default member initializer is its value until code sets it.
            if decl.kind == CXCursor_VarDecl, clang_isConstQualifiedType(clang_getCursorType(decl)) == 0 { return nil }
            guard let initializer = Self.valueChildren(decl).last else { return nil }
            return constantString(initializer, depth: depth + 1)
        default:
            return nil
        }
    }

    /// The children that are values: not the names of types and namespaces, not defaulted arguments (which have no
    /// place in the source).
    private static func valueChildren(_ cursor: CXCursor) -> [CXCursor] {
        children(cursor).filter { c in
            c.kind != CXCursor_TypeRef && c.kind != CXCursor_NamespaceRef && c.kind != CXCursor_TemplateRef
                && (c.location.expansion?.line ?? 0) > 0
        }
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
        Self.verbs(in: sourceTokens(tu, expression.extent))
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
