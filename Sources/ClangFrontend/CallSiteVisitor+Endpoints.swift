import CClang
import SinkmapCore

/// Hosted-LLM APIs reached through a general HTTP client (libcurl, cpp-httplib, …) are found by the URL the
/// code names, attributed to the function that *sends* it. A string literal holding a known endpoint, and every
/// string variable, parameter, field or result it may travel through, is followed one step at a time
/// (`EndpointFlowFact`): stored into a slot (a default argument, a member initializer, an assignment, a project
/// function's argument, a `return`), or used (concatenated into a request, handed to a library call such as
/// `curl_easy_setopt`). `CallGraphBuilder` joins the steps: the function that uses a URL calls that endpoint — a
/// node of its own, which the built-in rule `hosted-llm/endpoint` makes a sink; a constructor that only stores a
/// default URL is not a path. API paths (`/v1/chat/completions`) count only inside a full URL
/// (`http://localhost:8080/v1/chat/completions`, a local OpenAI-compatible server).
extension CallSiteVisitor {
    /// Hosts and paths of hosted-LLM APIs, as they appear inside URLs.
    static let endpointMarkers = [
        "api.openai.com", "openai.azure.com", "api.anthropic.com", "generativelanguage.googleapis.com",
        "aiplatform.googleapis.com", "api.mistral.ai", "api.cohere.ai", "api.cohere.com", "api.groq.com",
        "api.deepseek.com", "openrouter.ai", "api.together.xyz", "api-inference.huggingface.co",
        "bedrock-runtime.", "/v1/chat/completions", "/v1/completions", "/v1/messages", "/v1/embeddings",
        ":generateContent", ":streamGenerateContent",
    ]

    static let hostMarkers = endpointMarkers.filter { !$0.hasPrefix("/") && !$0.hasPrefix(":") }

    /// The endpoint a string literal names, if any: the URL (or API path) inside it, up to its query.
    static func endpoint(in literal: String) -> String? {
        guard endpointMarkers.contains(where: { literal.contains($0) }) else { return nil }
        // An API path alone ("/v1/chat/completions") is as likely a route the program serves (an
        // OpenAI-compatible server) as one it calls: only a full URL, or a known host, counts.
        guard literal.contains("://") || hostMarkers.contains(where: { literal.contains($0) }) else { return nil }
        var text = literal
        if let open = text.firstIndex(of: "\""), text.hasSuffix("\""), text.count >= 2 {
            text = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        }
        // From the scheme (or the marker) to the first character that cannot be part of a URL.
        let start = text.range(of: "https://")?.lowerBound ?? text.range(of: "http://")?.lowerBound
            ?? endpointMarkers.compactMap { text.range(of: $0)?.lowerBound }.min() ?? text.startIndex
        var url = ""
        for c in text[start...] {
            if c == "?" || c == "#" || c == " " || c == "\"" || c == "'" || c == "\\" || c.isNewline || c == "%" { break }
            url.append(c)
        }
        return url.isEmpty ? nil : url
    }

    /// A string literal naming a hosted-LLM endpoint: where it goes (a slot, or used right here).
    func visitStringLiteral(_ cursor: CXCursor, context: String?, index: Int) {
        guard let url = Self.endpoint(in: cursor.spelling) else { return }
        recordEndpointFlow(function: context, url: url, slot: nil, index: index, at: cursor.location, slotName: { nil })
    }

    /// A reference to a string variable, parameter or field: its contents may be a URL stored elsewhere.
    func visitStringReference(_ cursor: CXCursor, declaration: CXCursor, context: String?, index: Int) {
        guard Self.isStringLike(clang_getCursorType(declaration)), let slot = stringSlotID(declaration) else { return }
        recordEndpointFlow(function: context, url: nil, slot: slot, index: index, at: cursor.location,
                           slotName: { self.slotName(declaration) })
    }

    /// A call returning a string from a project function: the callee's result may be a URL it returns.
    func visitStringResult(_ call: CXCursor, context: String?, index: Int) {
        let callee = clang_getCursorReferenced(call)
        guard !callee.isNull, CursorNaming.isFunctionLike(callee.kind), callee.kind != CXCursor_Constructor,
              !callee.location.isInSystemHeader, Self.isStringLike(clang_getCursorResultType(callee)),
              let fact = remember(callee) else { return }
        recordEndpointFlow(function: context, url: nil, slot: FunctionID.result(function: fact.id), index: index,
                           at: call.location, slotName: { fact.name + "()" })
    }

    /// Every string reference of the unit passes here: the place and the slot's name are looked up only for a flow
    /// not recorded yet.
    private func recordEndpointFlow(function: String?, url: String?, slot: String?, index: Int, at place: CXSourceLocation,
                                    slotName: () -> String?) {
        let to: String?
        switch destination(ofValueAt: index, strings: true) {
        case .called:
            guard function != nil else { return }
            to = nil
        case .slot(let destination):
            if destination == nil && function == nil { return }
            if let destination, destination == slot { return }
            to = destination
        case .dropped:
            return
        }
        // One use or store per function, value and destination is enough: the first place is the evidence.
        let key = EndpointFlowKey(function: function ?? "", url: url, slot: slot, to: to)
        guard !endpointFlowsSeen.contains(key), let location = site(at: place)?.location else { return }
        endpointFlowsSeen.insert(key)
        if let function { ensureInitializer(function) }
        facts.endpointFlows.append(EndpointFlowFact(function: function ?? "", url: url, slot: slot, slotName: slotName(), to: to,
                                                    toFunction: to.flatMap(FunctionID.parameterOwner), location: location))
    }

    struct EndpointFlowKey: Hashable { var function: String; var url: String?; var slot: String?; var to: String? }

    /// `std::string`, `std::string_view`, `char *`, `char[]` (through references and cv-qualifiers).
    static func isStringLike(_ type: CXType) -> Bool {
        var t = clang_getCanonicalType(type)
        if t.kind == CXType_LValueReference || t.kind == CXType_RValueReference { t = clang_getCanonicalType(clang_getPointeeType(t)) }
        switch t.kind {
        case CXType_Pointer:
            return isCharacter(clang_getCanonicalType(clang_getPointeeType(t)))
        case CXType_ConstantArray, CXType_IncompleteArray:
            return isCharacter(clang_getCanonicalType(clang_getArrayElementType(t)))
        case CXType_Record:
            let spelled = clang_getTypeSpelling(t).consume()
            return spelled.hasPrefix("std::basic_string<") || spelled.hasPrefix("std::__cxx11::basic_string<")
                || spelled.hasPrefix("const std::basic_string<") || spelled.hasPrefix("const std::__cxx11::basic_string<")
                || spelled.hasPrefix("std::basic_string_view<") || spelled.hasPrefix("const std::basic_string_view<")
        default:
            return false
        }
    }

    private static func isCharacter(_ t: CXType) -> Bool {
        [CXType_Char_S, CXType_Char_U, CXType_SChar, CXType_UChar, CXType_WChar, CXType_Char16, CXType_Char32].contains(t.kind)
    }

    /// A string slot's id without recording it as a function-like fact (strings are many; only callables are nodes).
    func stringSlotID(_ decl: CXCursor) -> String? {
        switch decl.kind {
        case CXCursor_FieldDecl:
            let usr = decl.usr
            return usr.isEmpty ? nil : usr
        case CXCursor_VarDecl, CXCursor_ParmDecl:
            guard let file = decl.location.expansion.map({ paths.display($0.path) }) else { return nil }
            let id = variableID(decl, file: file)
            // A local variable carries a value within its function, like a parameter does between functions.
            if decl.kind == CXCursor_VarDecl, clang_Cursor_hasVarDeclGlobalStorage(decl) == 0 { return FunctionID.local(id) }
            return id
        default:
            return nil
        }
    }

    /// `liboai::Network::openai_root_`, `liboai::Network::Request::root` (a parameter, by its function).
    func slotName(_ decl: CXCursor) -> String {
        if decl.kind == CXCursor_ParmDecl {
            return naming.qualifiedName(decl.semanticParent) + "::" + decl.spelling
        }
        return naming.qualifiedName(decl)
    }
}
