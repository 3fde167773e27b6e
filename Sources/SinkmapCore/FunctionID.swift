/// How node identities are spelled. USRs identify external symbols across translation units; internal
/// linkage needs the defining file too, because libclang puts only the file's basename into a static's USR.
public enum FunctionID {
    public static func external(usr: String) -> String { usr }

    /// Local declarations carry their byte offset in the USR (`c:f.cpp@412@F@main#@S@Local`): dropped, so an
    /// edit above them does not change their identity (and so path fingerprints).
    public static func `internal`(usr: String, file: String) -> String { "\(escaped(withoutOffsets(usr)))@\(escaped(file))" }

    /// A file name as it goes into an id: a backslash doubled, each control or bidi character (`ControlCharacters`)
    /// as `\u{…}`. A file name may hold a newline; an id never does, and two names never escape alike.
    public static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\\" || ControlCharacters.contains($0) }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if u == "\\" { out += "\\\\" }
            else if ControlCharacters.contains(u) { out += "\\u{\(String(u.value, radix: 16))}" }
            else { out.unicodeScalars.append(u) }
        }
        return out
    }

    static func withoutOffsets(_ usr: String) -> String {
        guard usr.contains(where: \.isNumber) else { return usr }
        var parts = usr.split(separator: "@", omittingEmptySubsequences: false)
        for i in parts.indices where i > 0 && !parts[i].isEmpty && parts[i].allSatisfy(\.isNumber) { parts[i] = "L" }
        return parts.joined(separator: "@")
    }

    /// The synthetic function running a translation unit's global and static initializers.
    public static func initializer(file: String) -> String { "init:\(escaped(file))" }
    public static func initializerName(file: String) -> String { "<initializer:\(file)>" }

    /// A callee known only by its spelling (`llama_decode`, `OrtApi::Run`).
    public static func unresolved(name: String) -> String { "name:\(name)" }

    /// A member called on a value whose type is dependent or unknown (`this->model.decode(b)` in a template,
    /// `ctx->eval(x)` with `ctx` of a missing type), known by the member's name only: never the free function of
    /// that name, so it is a node of its own (`member:decode`, named `decode`).
    public static func unresolvedMember(name: String) -> String { "member:\(name)" }

    /// The name of a by-name node (`name:…` or `member:…`).
    public static func unresolvedName(_ id: String) -> String? {
        if id.hasPrefix("name:") { return String(id.dropFirst(5)) }
        if id.hasPrefix("member:") { return String(id.dropFirst(7)) }
        return nil
    }

    /// Whether a by-name node may stand for a function of the program with that name: a name as written for a free or
    /// qualified call, not a member called on a value of unknown type.
    public static func bindsByName(_ id: String) -> Bool { id.hasPrefix("name:") }
}

extension FunctionID {
    /// A function's `index`-th parameter, as a slot function addresses can be passed into.
    public static func parameter(function: String, index: Int) -> String { "param:\(function)#\(index)" }

    /// The function a parameter slot belongs to (`param:<function>#<index>`), nil for other slots.
    public static func parameterOwner(_ slot: String) -> String? {
        guard slot.hasPrefix("param:"), let hash = slot.lastIndex(of: "#") else { return nil }
        return String(slot[slot.index(slot.startIndex, offsetBy: 6)..<hash])
    }

    /// A local variable as a slot for strings (see `EndpointFlowFact`): a carrier, like a parameter.
    public static func local(_ variable: String) -> String { "local:\(variable)" }

    /// Parameters and locals carry a value along a call chain: what flows into them is attributed to the function
    /// that put it there. Fields, globals and results hold values for whoever reads them.
    public static func isCarrier(_ slot: String) -> Bool { slot.hasPrefix("param:") || slot.hasPrefix("local:") }

    /// What a function returns, as a slot a value can flow through (`return base_url_;` in a getter).
    public static func result(function: String) -> String { "ret:\(function)" }

    /// A lambda or block: the enclosing function and the closure's ordinal in it (not its line, so
    /// fingerprints survive edits above it).
    public static func closure(enclosing: String, ordinal: Int) -> String { "\(enclosing)::closure#\(ordinal)" }

    /// A function-valued template argument (`with_retry<llama_decode>`): the `index`-th argument of a template.
    public static func templateArgument(template: String, index: Int) -> String { "targ:\(template)#\(index)" }

    /// A call of a lambda object whose closure type was written at `location`: resolved, over all units, to
    /// the lambda defined there (`CallGraphBuilder`).
    public static func closure(at location: SourceLocation) -> String {
        "lambda-at:\(location.file):\(location.line):\(location.column)"
    }

    /// A hosted-LLM endpoint named by its URL.
    public static func endpoint(url: String) -> String { "url:\(url)" }
}
