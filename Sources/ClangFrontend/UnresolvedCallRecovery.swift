import CClang
import SinkmapCore

/// Finds calls libclang dropped from the AST of a unit that had errors — typically everything touching a type
/// from a missing header — by reading the tokens of each function body: `name(`, `recv->name(`, `T::name(`.
/// Recovered calls are edges of kind `unresolved`, named as written; `recv->name(` is named `T::name` when
/// `recv` is declared in the same unit as `T* recv` (how `g_ort->Run(...)` becomes `OrtApi::Run`).
struct UnresolvedCallRecovery {
    let tu: CXTranslationUnit
    let paths: PathResolver

    /// Keywords and type names that are followed by `(` without being calls.
    private static let notCallees: Set<String> = [
        "if", "for", "while", "switch", "return", "sizeof", "alignof", "decltype", "catch", "static_assert",
        "defined", "__attribute__", "__declspec", "alignas", "noexcept", "typeid", "throw", "case", "do",
        "static_cast", "dynamic_cast", "reinterpret_cast", "const_cast", "_Alignof", "_Static_assert",
        "__typeof__", "typeof", "__builtin_offsetof", "offsetof", "asm", "__asm__",
    ]
    /// Tokens that, just before `name(`, make it a declaration (`int f(`, `Foo x(`) rather than a call.
    private static let declarationLead: Set<String> = [
        "void", "int", "char", "short", "long", "float", "double", "signed", "unsigned", "bool", "_Bool", "auto",
        "const", "volatile", "struct", "union", "enum", "class", "typename", "static", "extern", "inline",
        "virtual", "explicit", "operator", "new", "register", "constexpr", "friend", "using", "goto", "~",
    ]

    /// Only bodies in `filesWithErrors` (raw paths) are read: elsewhere the AST is complete.
    func recover(into visitor: CallSiteVisitor, mainFile: CXFile?, filesWithErrors: Set<String>) {
        let declaredTypes = mainFile.map(variableTypes(in:)) ?? [:]
        // Innermost first (a lambda before the function around it): a call recovered in the lambda is marked
        // as resolved, so the enclosing function does not claim it too.
        let innermostFirst = visitor.definitions.sorted { Self.length($0.extent) < Self.length($1.extent) }
        var fieldsByClass: [String: [String: String]] = [:]
        var methodsByClass: [String: (owner: String, names: Set<String>)] = [:]
        for definition in innermostFirst {
            guard let file = clang_getRangeStart(definition.extent).expansion?.path, filesWithErrors.contains(file) else { continue }
            let tokens = tokenize(definition.extent)
            // A method's receivers may be fields of its class (`llama.complete(…)` with `llama_server_context llama;`
            // in the class): their declared types, where the file's own declarations say nothing.
            var types = declaredTypes
            var methods: (owner: String, names: Set<String>)?
            let owner = Self.owningClass(definition.cursor)
            if !owner.isNull {
                let key = clang_getCursorUSR(owner).consume()
                if fieldsByClass[key] == nil {
                    fieldsByClass[key] = fieldTypes(of: owner, naming: visitor.naming)
                    let names = CallSiteVisitor.children(owner).filter {
                        clang_getCursorKind($0) == CXCursor_CXXMethod || clang_getCursorKind($0) == CXCursor_FunctionTemplate
                    }.map { clang_getCursorSpelling($0).consume() }
                    methodsByClass[key] = (visitor.naming.qualifiedName(owner), Set(names))
                }
                types.merge(fieldsByClass[key] ?? [:]) { local, _ in local }
                methods = methodsByClass[key]
            }
            scan(tokens, caller: definition.id, visitor: visitor, declaredTypes: types, classMethods: methods)
        }
    }

    /// The identifier subscripted by the `[ … ]` that closes at `close` (`server_ctx_map` in `server_ctx_map[id]`).
    private static func subscripted(_ t: [Token], closingAt close: Int) -> String? {
        var depth = 0
        var j = close
        while j >= 0 {
            if t[j].text == "]" { depth += 1 } else if t[j].text == "[" { depth -= 1; if depth == 0 { break } }
            j -= 1
        }
        guard j >= 1, t[j - 1].kind == CXToken_Identifier else { return nil }
        return t[j - 1].text
    }

    /// The class a method (or a lambda inside one) belongs to; a null cursor for a free function.
    private static func owningClass(_ cursor: CXCursor) -> CXCursor {
        var c = cursor
        for _ in 0..<8 {
            let kind = clang_getCursorKind(c)
            if kind == CXCursor_CXXMethod || kind == CXCursor_Constructor || kind == CXCursor_Destructor {
                return clang_getCursorSemanticParent(c)
            }
            if kind == CXCursor_TranslationUnit || clang_Cursor_isNull(c) != 0 { break }
            c = clang_getCursorSemanticParent(c)
        }
        return clang_getNullCursor()
    }

    /// Field name → the class it holds (qualified), for the fields of a class whose type is a known class; for a
    /// standard container field, `name[]` → the class of its elements (the mapped type of a map).
    private func fieldTypes(of owner: CXCursor, naming: CursorNaming) -> [String: String] {
        var types: [String: String] = [:]
        func className(_ t: CXType) -> String? {
            var type = clang_getCanonicalType(t)
            if type.kind == CXType_Pointer || type.kind == CXType_LValueReference { type = clang_getCanonicalType(clang_getPointeeType(type)) }
            guard type.kind == CXType_Record else { return nil }
            let declaration = clang_getTypeDeclaration(type)
            guard clang_Cursor_isNull(declaration) == 0 else { return nil }
            let name = naming.qualifiedName(declaration)
            return name.isEmpty || name.contains("(") ? nil : name
        }
        for field in CallSiteVisitor.children(owner) where clang_getCursorKind(field) == CXCursor_FieldDecl {
            let fieldName = clang_getCursorSpelling(field).consume()
            let type = clang_getCanonicalType(clang_getCursorType(field))
            let declaration = clang_getTypeDeclaration(type)
            if clang_Cursor_isNull(declaration) == 0, clang_getSpecializedCursorTemplate(declaration).isNull == false {
                let template = naming.qualifiedName(declaration)
                let element: Int32? = ["std::map", "std::unordered_map"].contains(template) ? 1
                    : ["std::vector", "std::deque", "std::array", "std::list"].contains(template) ? 0 : nil
                if let element, let name = className(clang_Type_getTemplateArgumentAsType(type, UInt32(element))) {
                    types[fieldName + "[]"] = name
                }
                continue
            }
            if let name = className(type) { types[fieldName] = name }
        }
        return types
    }

    private static func length(_ range: CXSourceRange) -> Int {
        guard let start = clang_getRangeStart(range).expansion, let end = clang_getRangeEnd(range).expansion else { return .max }
        return end.offset - start.offset
    }

    private typealias Token = SourceToken

    private func tokenize(_ range: CXSourceRange) -> [Token] { sourceTokens(tu, range) }

    /// `classMethods`: the class of a method being read and its methods' names — a plain `name(` that names one of
    /// them is that method, called on `this` (C++ looks in the class first).
    private func scan(_ t: [Token], caller: String, visitor: CallSiteVisitor, declaredTypes: [String: String],
                      classMethods: (owner: String, names: Set<String>)? = nil) {
        // Skip the signature: calls live in the body after the first `{`.
        guard let body = t.firstIndex(where: { $0.kind == CXToken_Punctuation && $0.text == "{" }) else { return }
        var i = body + 1
        while i + 1 < t.count {
            defer { i += 1 }
            let tok = t[i]
            guard tok.kind == CXToken_Identifier, t[i + 1].kind == CXToken_Punctuation, t[i + 1].text == "(",
                  !Self.notCallees.contains(tok.text) else { continue }
            guard let at = tok.location.expansion,
                  !visitor.resolvedNameOffsets.contains(.init(file: at.path, offset: at.offset)) else { continue }
            let prev = i > 0 ? t[i - 1] : nil
            if let prev, prev.kind == CXToken_Identifier || (prev.kind == CXToken_Keyword && Self.declarationLead.contains(prev.text))
                || (prev.kind == CXToken_Punctuation && prev.text == "~") {
                continue
            }
            var name = tok.text
            var member = false
            if let prev, prev.kind == CXToken_Punctuation, prev.text == "->" || prev.text == "." {
                let receiver = i >= 2 ? t[i - 2] : nil
                if let receiver, receiver.kind == CXToken_Identifier, let type = declaredTypes[receiver.text] {
                    name = "\(type)::\(name)"
                } else if let receiver, receiver.text == "]", let container = Self.subscripted(t, closingAt: i - 2),
                          let type = declaredTypes[container + "[]"] {
                    // `server_ctx_map[id].initialize()`: an element of a container field of a known element type.
                    name = "\(type)::\(name)"
                } else {
                    // A member of a value whose type is not known here: never the free function of that name.
                    member = true
                }
            } else if prev?.text != "::", let classMethods, classMethods.names.contains(name) {
                name = classMethods.owner + "::" + name
            } else if let prev, prev.kind == CXToken_Punctuation, prev.text == "::" {
                // Qualified call: gather `a::b::name`.
                var j = i - 1
                var parts = [name]
                while j >= 1, t[j].text == "::", t[j - 1].kind == CXToken_Identifier {
                    parts.append(t[j - 1].text)
                    j -= 2
                }
                name = parts.reversed().joined(separator: "::")
            }
            let site = CallSiteVisitor.Site(location: SourceLocation(file: paths.display(at.path), line: at.line,
                                                                     column: at.column), macro: nil)
            visitor.record(caller: caller, calleeName: name, site: site, kind: .unresolved, member: member)
            visitor.resolvedNameOffsets.insert(.init(file: at.path, offset: at.offset))
        }
    }

    /// `T* name`, `const T *name = …`, `T name;` declarations in the main file: variable name → type name.
    private func variableTypes(in file: CXFile) -> [String: String] {
        var size = 0
        _ = clang_getFileContents(tu, file, &size)
        let start = clang_getLocationForOffset(tu, file, 0)
        let end = clang_getLocationForOffset(tu, file, UInt32(size))
        let t = tokenize(clang_getRange(start, end))
        var types: [String: String] = [:]
        for i in 1..<max(t.count - 1, 1) where t[i].kind == CXToken_Identifier {
            let next = t[i + 1].text
            guard ["=", ";", ",", ")", "["].contains(next) else { continue }
            var j = i - 1
            while j >= 0, t[j].text == "*" || t[j].text == "&" || t[j].text == "const" { j -= 1 }
            guard j >= 0, t[j].kind == CXToken_Identifier else { continue }
            if types[t[i].text] == nil { types[t[i].text] = t[j].text }
        }
        return types
    }
}
