import CClang
import SinkmapCore

/// Hosted-LLM APIs reached through a general HTTP client (libcurl, cpp-httplib, …) are found by the URL the
/// code names: a string literal holding a known endpoint makes its function call that endpoint — a node of its
/// own, which the built-in rule `hosted-llm/endpoint` makes a sink. API paths (`/v1/chat/completions`) count
/// only inside a full URL (`http://localhost:8080/v1/chat/completions`, a local OpenAI-compatible server). A constant initialized with such a URL
/// (`static const char *kURL = "https://api.openai.com/…"`) counts where it is used.
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

    func visitStringLiteral(_ cursor: CXCursor, context: String?) {
        guard let url = Self.endpoint(in: cursor.spelling) else { return }
        // A file-scope constant: remembered, and counted where a function uses it.
        if let variable = stack.reversed().first(where: { $0.kind == CXCursor_VarDecl }), context.map({ $0.hasPrefix("init:") }) ?? true {
            let usr = variable.cursor.usr
            if !usr.isEmpty { endpointByVariable[usr] = url }
            return
        }
        guard let caller = context, let site = site(at: cursor.location) else { return }
        recordEndpoint(url, caller: caller, site: site)
    }

    /// A use of a constant holding an endpoint URL.
    func visitEndpointVariable(_ reference: CXCursor, caller: String) {
        let declaration = clang_getCursorReferenced(reference)
        guard declaration.kind == CXCursor_VarDecl, let url = endpointByVariable[declaration.usr],
              let site = site(at: reference.location) else { return }
        recordEndpoint(url, caller: caller, site: site)
    }

    private func recordEndpoint(_ url: String, caller: String, site: Site) {
        ensureInitializer(caller)
        let id = FunctionID.endpoint(url: url)
        if functions[id] == nil {
            functions[id] = FunctionFact(id: id, name: url, kind: .endpoint, linkage: .none, location: nil, isDefinition: false)
        }
        facts.calls.append(CallFact(caller: caller, callee: id, location: site.location, kind: .endpoint, macro: site.macro))
    }
}
