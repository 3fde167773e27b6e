import CClang
import SinkmapCore

/// Route registrations written through a framework's macros: Drogon's controller method lists (`METHOD_ADD`,
/// `ADD_METHOD_TO`, `ADD_METHOD_VIA_REGEX`, `PATH_ADD`), Crow's blueprints (`CROW_BP_ROUTE`). Each macro expands to a
/// call this recognises by the callee's qualified name; what the expansion hides (the verbs of a method list, which
/// macro it was) is read back from the macro's arguments where it is used.
extension CallSiteVisitor {
    /// Drogon's registration functions behind its controller macros (lib/inc/drogon/HttpController.h,
    /// HttpSimpleController.h).
    static let drogonRegistrations: Set<String> = ["registerMethod", "registerMethodViaRegex", "registerSelf__"]
    /// What Crow's `CROW_BP_ROUTE` expands to (the first with `CROW_MSVC_WORKAROUND`).
    static let crowBlueprintRules: Set<String> = ["new_rule_dynamic", "new_rule_tagged"]
    /// Drogon's controller macros and the registration each expands to.
    static let drogonMacros: [String: String] = [
        "METHOD_ADD": "registerMethod", "ADD_METHOD_TO": "registerMethod", "ADD_METHOD_VIA_REGEX": "registerMethodViaRegex",
        "PATH_ADD": "registerSelf__",
    ]

    /// `registerMethod(&method, pattern, {verbs…}, classNameInPath, name)` (METHOD_ADD, ADD_METHOD_TO),
    /// `registerMethodViaRegex(&method, regex, {verbs…}, name)` (ADD_METHOD_VIA_REGEX) and
    /// `registerSelf__(path, {verbs…})` (PATH_ADD), called in the controller's `initPathRouting`. Routes as Drogon
    /// builds them: METHOD_ADD puts the pattern under the class's path (`/inferences/llamaCPP/chat_completion` for
    /// `inferences::llamaCPP`), ADD_METHOD_TO takes it whole (with a leading `/`); a simple controller's handler is its
    /// `asyncHandleHttpRequest`. No verb listed: any method, so the route has none.
    func visitDrogonController(_ call: CXCursor, function: String, arguments: [CXCursor], caller: String, site: Site) {
        let patternIndex = function == "registerSelf__" ? 0 : 1
        guard arguments.count > patternIndex,
              let method = stack.reversed().first(where: { CursorNaming.isFunctionLike($0.kind) })?.cursor else { return }
        let controller = method.semanticParent
        guard controller.kind == CXCursor_ClassDecl || controller.kind == CXCursor_StructDecl else { return }
        // The verbs: from the macro's arguments as written when the call is a macro's whole expansion, else from the
        // constraint list's own tokens.
        var verbs: [String] = []
        var classNameInPath = function == "registerMethod"
        let start = clang_getRangeStart(call.extent)
        if let macro = wordWritten(at: start), Self.drogonMacros[macro] == function,
           let written = macroArguments(at: start, named: macro) {
            verbs = Self.verbs(in: written.dropFirst(patternIndex + 1).flatMap { $0 })
            classNameInPath = macro == "METHOD_ADD"
        } else {
            if arguments.count > patternIndex + 1 { verbs = methodNames(in: arguments[patternIndex + 1]) }
            if function == "registerMethod", arguments.count > 3 { classNameInPath = Self.boolValue(arguments[3]) ?? true }
        }
        let handler: HandlerReference?
        if function == "registerSelf__" {
            handler = Self.children(controller).first { $0.kind == CXCursor_CXXMethod && $0.spelling == "asyncHandleHttpRequest" }
                .flatMap { remember($0) }.map { .function($0.id) }
        } else {
            handler = self.handler(arguments[0])
        }
        let pattern = arguments[patternIndex]
        let written = route("", pattern), resolved = resolvedRoute("", pattern)
        let classPath = "/" + naming.qualifiedName(controller).replacingOccurrences(of: "::", with: "/")
        func full(_ p: String) -> String {
            var path = p
            if function == "registerMethod" {
                path = classNameInPath ? (p.isEmpty || p.hasPrefix("/") ? classPath + p : classPath + "/" + p)
                                       : (p.hasPrefix("/") ? p : "/" + p)
            }
            return verbs.isEmpty ? path : verbs.joined(separator: "|") + " " + path
        }
        let asWritten = resolved == nil || resolved == written ? nil : full(written)
        register(handler, kind: .httpHandler, route: full(resolved ?? written), asWritten: asWritten, caller: caller, site: site)
    }

    /// A class written in a file with errors, read back from its tokens for what the parse lost: a Drogon method list
    /// whose macros were not expanded (Drogon's headers are missing, so `METHOD_ADD(…)` is no call).
    func visitClassWithErrors(_ cursor: CXCursor) {
        guard let file = cursor.location.expansion?.path, filesWithErrors.contains(file) else { return }
        let members = Self.children(cursor)
        let tokens = sourceTokens(tu, cursor.extent)
        if !members.contains(where: { $0.kind == CXCursor_CXXMethod && $0.spelling == "initPathRouting" }) {
            recoverDrogonMethodList(cursor, members: members, tokens: tokens)
        }
        recoverServiceBases(cursor, members: members, tokens: tokens)
    }

    /// The bases written in a class's declaration that libclang could not resolve (their header is missing, so the
    /// AST has no base at all): when one is a class protoc's gRPC plugin generates (`backend::Backend::Service`,
    /// `…::WithAsyncMethod_Predict<…>`, `…::CallbackService`), every method of the class is a candidate gRPC method of
    /// that service, confirmed later against the tree's `.proto` files (`ProtoServices`).
    private func recoverServiceBases(_ cursor: CXCursor, members: [CXCursor], tokens: [SourceToken]) {
        guard let open = tokens.firstIndex(where: { $0.text == "{" }),
              let colon = tokens[..<open].firstIndex(where: { $0.text == ":" }) else { return }
        var bases: [[SourceToken]] = [[]]
        var angle = 0
        for token in tokens[(colon + 1)..<open] {
            if token.text == "<" { angle += 1 } else if token.text == ">" { angle -= 1 } else if token.text == ">>" { angle -= 2 }
            if token.text == ",", angle == 0 { bases.append([]); continue }
            bases[bases.count - 1].append(token)
        }
        let resolved = Set(members.filter { $0.kind == CXCursor_CXXBaseSpecifier }.compactMap { base -> String? in
            let declaration = clang_getTypeDeclaration(clang_getCursorType(base))
            return declaration.isNull ? nil : naming.qualifiedName(declaration)
        })
        for base in bases {
            let words = base.prefix { $0.text != "<" }.filter { !["public", "private", "protected", "virtual"].contains($0.text) }
            var name = words.map(\.text).joined()
            if name.hasPrefix("::") { name.removeFirst(2) }
            guard !resolved.contains(name), let service = UnresolvedServiceMethodFact.service(ofBase: name) else { continue }
            for method in members where method.kind == CXCursor_CXXMethod {
                guard let fact = remember(method) else { continue }
                facts.unresolvedServiceMethods.append(UnresolvedServiceMethodFact(method: fact.id, name: method.spelling,
                                                                                  base: name, service: service))
            }
        }
    }

    /// Drogon's method list written in a class whose macros were not expanded: each `METHOD_ADD(C::m, "p", Verbs…)`,
    /// `ADD_METHOD_TO(…)`, `ADD_METHOD_VIA_REGEX(…)` and `PATH_ADD("p", Verbs…)` at the top level of the class body
    /// registers the class's method `m` (`asyncHandleHttpRequest` for PATH_ADD) with the route Drogon would build. The
    /// route's evidence is the macro as written.
    private func recoverDrogonMethodList(_ controller: CXCursor, members: [CXCursor], tokens: [SourceToken]) {
        guard tokens.contains(where: { $0.text == "METHOD_LIST_BEGIN" || $0.text == "PATH_LIST_BEGIN" }) else { return }
        let classPath = "/" + naming.qualifiedName(controller).replacingOccurrences(of: "::", with: "/")
        let registrar = FunctionID.unresolved(name: naming.qualifiedName(controller) + "::initPathRouting")
        var depth = 0
        for (i, token) in tokens.enumerated() {
            if token.kind == CXToken_Punctuation {
                if token.text == "{" { depth += 1 } else if token.text == "}" { depth -= 1 }
                continue
            }
            guard depth == 1, token.kind == CXToken_Identifier, let function = Self.drogonMacros[token.text],
                  let arguments = Self.macroArguments(Array(tokens[i...]), named: token.text) else { continue }
            let patternIndex = function == "registerSelf__" ? 0 : 1
            guard arguments.count > patternIndex else { continue }
            let methodName = function == "registerSelf__" ? "asyncHandleHttpRequest"
                : arguments[0].last { $0.kind == CXToken_Identifier }?.text ?? ""
            guard let method = members.first(where: { $0.kind == CXCursor_CXXMethod && $0.spelling == methodName }),
                  let handler = remember(method), let at = token.location.expansion else { continue }
            let pattern = arguments[patternIndex]
            var path = pattern.count == 1 && pattern[0].kind == CXToken_Literal ? Self.unquote(pattern[0].text) ?? "" : ""
            if !(pattern.count == 1 && pattern[0].kind == CXToken_Literal) { path = "${" + Self.spelled(pattern) + "}" }
            if function == "registerMethod" {
                path = token.text == "METHOD_ADD" ? (path.isEmpty || path.hasPrefix("/") ? classPath + path : classPath + "/" + path)
                                                  : (path.hasPrefix("/") ? path : "/" + path)
            }
            let verbs = Self.verbs(in: arguments.dropFirst(patternIndex + 1).flatMap { $0 })
            let route = verbs.isEmpty ? path : verbs.joined(separator: "|") + " " + path
            let written = token.text + "(" + arguments.map(Self.spelled).joined(separator: ", ") + ")"
            let site = Site(location: SourceLocation(file: paths.display(at.path), line: at.line, column: at.column), macro: token.text)
            register(.function(handler.id), kind: .httpHandler, route: route, asWritten: written, caller: registrar, site: site)
        }
    }

    /// Tokens written back as source: a space only between two words.
    static func spelled(_ tokens: [SourceToken]) -> String {
        var text = ""
        var previousWord = false
        for token in tokens {
            let word = token.kind == CXToken_Identifier || token.kind == CXToken_Keyword || token.kind == CXToken_Literal
            if word && previousWord { text += " " }
            text += token.text
            previousWord = word
        }
        return text
    }

    /// A function definition that a framework makes a handler by how it is written rather than by a registration call:
    /// an oat++ endpoint (the method an `ENDPOINT("POST", "/x", name, …)` defines, routed `POST /x`; the other
    /// functions the macro writes around it, such as its `Z__PROXY_METHOD_name`, are the framework's and no entry
    /// points), and a Boost.Beast handler (a function taking an `http::request`: Beast has no route table, so it is a
    /// handler by type, without a route).
    func visitHandlerDefinition(_ cursor: CXCursor, id: String) {
        let location = cursor.location
        // A method written by the ENDPOINT macro: where it is, the file shows the macro's name, not the method's.
        if cursor.kind == CXCursor_CXXMethod || cursor.kind == CXCursor_FunctionTemplate, cursor.spelling != "ENDPOINT",
           wordWritten(at: location) == "ENDPOINT" {
            visitOatppEndpoint(cursor, id: id, location: location)
            return
        }
        if takesBeastRequest(cursor), let at = location.expansion {
            let site = Site(location: SourceLocation(file: paths.display(at.path), line: at.line, column: at.column), macro: nil)
            facts.registrations.append(EntryRegistrationFact(function: id, kind: .httpHandler, route: nil, registeredBy: "",
                                                             location: site.location))
        }
    }

    /// `ENDPOINT(METHOD, PATH, NAME, params…)` as oat++ defines it (oatpp/codegen/api_controller/base_define.hpp): the
    /// method `NAME` is the handler, `METHOD PATH` its route; the framework calls it through the proxy the macro writes.
    private func visitOatppEndpoint(_ cursor: CXCursor, id: String, location: CXSourceLocation) {
        guard let arguments = macroArguments(at: location, named: "ENDPOINT"), arguments.count >= 3,
              let at = location.expansion else { return }
        guard Self.spelled(arguments[2]) == cursor.spelling else {
            facts.frameworkFunctions.append(id)
            return
        }
        func text(_ tokens: [SourceToken]) -> String {
            tokens.count == 1 && tokens[0].kind == CXToken_Literal ? Self.unquote(tokens[0].text) ?? tokens[0].text
                : "${" + Self.spelled(tokens) + "}"
        }
        let route = text(arguments[0]).uppercased() + " " + text(arguments[1])
        let site = Site(location: SourceLocation(file: paths.display(at.path), line: at.line, column: at.column), macro: "ENDPOINT")
        let registrar = stack.reversed().first { $0.kind == CXCursor_ClassDecl || $0.kind == CXCursor_StructDecl }
            .map { naming.qualifiedName($0.cursor) } ?? ""
        register(.function(id), kind: .httpHandler, route: route, asWritten: nil,
                 caller: FunctionID.unresolved(name: registrar + "::ENDPOINT"), site: site)
    }

    /// Whether a parameter is a Boost.Beast request: `http::request<Body, Fields>` as written (also inside a template,
    /// where the type is dependent), or any type that is `http::message<true, …>` (a typedef of a request).
    private func takesBeastRequest(_ function: CXCursor) -> Bool {
        for parameter in Self.children(function) where parameter.kind == CXCursor_ParmDecl {
            for child in Self.children(parameter) where child.kind == CXCursor_TemplateRef {
                let template = clang_getCursorReferenced(child)
                if !template.isNull, naming.qualifiedName(template) == "boost::beast::http::request" { return true }
            }
            var type = clang_getCursorType(parameter)
            if type.kind == CXType_LValueReference || type.kind == CXType_RValueReference { type = clang_getPointeeType(type) }
            var canonical = clang_getTypeSpelling(clang_getCanonicalType(type)).consume()
            while canonical.hasPrefix("const ") || canonical.hasPrefix("volatile ") {
                canonical = String(canonical.drop { $0 != " " }.dropFirst())
            }
            if canonical.hasPrefix("boost::beast::http::message<true,") { return true }
        }
        return false
    }

    /// The prefix of the blueprint a `CROW_BP_ROUTE` rule is added to: the literal its variable was constructed with
    /// (`crow::Blueprint bp("v1")`); `${bp}` when it is not known here.
    func crowBlueprintPrefix(_ call: CXCursor) -> String {
        guard let member = call.firstChild.map(Self.unwrap), member.kind == CXCursor_MemberRefExpr,
              let base = member.firstChild.map(Self.unwrap) else { return "${?}" }
        let variable = clang_getCursorReferenced(base)
        if !variable.isNull, variable.kind == CXCursor_VarDecl || variable.kind == CXCursor_FieldDecl,
           let prefix = Self.constructorLiteral(variable) {
            return prefix
        }
        return "${\(base.spelling.isEmpty ? "?" : base.spelling)}"
    }

    /// The first string literal a variable's initializer passes to its constructor (`Blueprint bp("v1")`).
    private static func constructorLiteral(_ variable: CXCursor, depth: Int = 0) -> String? {
        var found: String?
        func look(_ c: CXCursor, _ depth: Int) {
            guard found == nil, depth < 12 else { return }
            if c.kind == CXCursor_StringLiteral { found = unquote(c.spelling); return }
            if c.kind == CXCursor_LambdaExpr || c.kind == CXCursor_CompoundStmt { return }
            for child in children(c) { look(child, depth + 1) }
        }
        for child in children(variable) where child.kind != CXCursor_TypeRef && child.kind != CXCursor_NamespaceRef {
            look(child, 0)
        }
        return found
    }

    /// A boolean argument's value (`true`, `false`), when it is a constant.
    static func boolValue(_ argument: CXCursor) -> Bool? {
        let result = clang_Cursor_Evaluate(argument)
        guard let result else { return nil }
        defer { clang_EvalResult_dispose(result) }
        guard clang_EvalResult_getKind(result) == CXEval_Int else { return nil }
        return clang_EvalResult_getAsInt(result) != 0
    }

    /// The HTTP verbs named by tokens (`Post`, `drogon::Get`, `"POST"_method`), each once, upper-cased, in order.
    static func verbs(in tokens: [SourceToken]) -> [String] {
        var verbs: [String] = []
        for token in tokens {
            var word = token.text
            if token.kind == CXToken_Literal, word.hasSuffix("_method"), let s = unquote(String(word.dropLast(7))) {
                word = s
            } else if token.kind != CXToken_Identifier {
                continue
            }
            let upper = word.uppercased()
            if httpVerbs.contains(where: { $0.uppercased() == upper }), !verbs.contains(upper) { verbs.append(upper) }
        }
        return verbs
    }

    /// The identifier written where `location` expands (a macro's name, for a cursor from a macro's expansion).
    func wordWritten(at location: CXSourceLocation) -> String? {
        var file: CXFile?
        var offset: UInt32 = 0
        clang_getExpansionLocation(location, &file, nil, nil, &offset)
        guard let file else { return nil }
        let at = clang_getLocationForOffset(tu, file, offset)
        guard let first = sourceTokens(tu, clang_getRange(at, at)).first, first.kind == CXToken_Identifier else { return nil }
        return first.text
    }

    /// The arguments of the macro whose name is written at `location` (`METHOD_ADD(Chat::complete, "x", Post)` →
    /// `Chat :: complete`, `"x"`, `Post`), each as its tokens, read where the macro is used, up to the matching `)`;
    /// nil when `name (` is not written there. What a macro's expansion no longer shows — which macro it was, the
    /// words it took — is recovered here.
    func macroArguments(at location: CXSourceLocation, named name: String) -> [[SourceToken]]? {
        var file: CXFile?
        var offset: UInt32 = 0
        clang_getExpansionLocation(location, &file, nil, nil, &offset)
        guard let file else { return nil }
        var size = 0
        _ = clang_getFileContents(tu, file, &size)
        let end = min(size, Int(offset) + 16_384)
        guard Int(offset) < end else { return nil }
        let tokens = sourceTokens(tu, clang_getRange(clang_getLocationForOffset(tu, file, offset),
                                                     clang_getLocationForOffset(tu, file, UInt32(end))))
        return Self.macroArguments(tokens, named: name)
    }

    /// `NAME ( a , b … )` at the start of `tokens`: the arguments split at top-level commas; nil when not there or
    /// not closed.
    static func macroArguments(_ tokens: [SourceToken], named name: String) -> [[SourceToken]]? {
        guard tokens.count >= 3, tokens[0].text == name, tokens[1].text == "(" else { return nil }
        var arguments: [[SourceToken]] = [[]]
        var depth = 0
        for token in tokens.dropFirst(2) {
            if token.kind == CXToken_Punctuation {
                switch token.text {
                case "(", "[", "{": depth += 1
                case ")", "]", "}":
                    if depth == 0 { return arguments.count == 1 && arguments[0].isEmpty ? [] : arguments }
                    depth -= 1
                case "," where depth == 0:
                    arguments.append([])
                    continue
                default: break
                }
            }
            arguments[arguments.count - 1].append(token)
        }
        return nil
    }
}
