/// How a symbol is visible across translation units.
public enum Linkage: String, Codable, Sendable {
    /// Visible program-wide; identified by its USR alone.
    case external
    /// `static` or in an anonymous namespace; identified by USR plus the defining file.
    case `internal`
    /// Not a linkable symbol: fields, lambdas, initializers, names recovered from unparsed code.
    case none
}

/// What sort of callable a graph node is.
public enum FunctionKind: String, Codable, Sendable {
    case function, method, constructor, destructor, conversion
    /// A struct/class field of function-pointer type (`OrtApi::Run`), called as `table->Run(...)`.
    case field
    /// A variable or parameter of function-pointer type called directly (`fp(x)`).
    case variable
    /// A lambda's call operator, named after its enclosing function.
    case lambda
    /// An Objective-C block literal.
    case block
    /// The synthetic function that runs a translation unit's global and static initializers.
    case initializer
    /// A name recovered from code libclang could not resolve (missing header): known by spelling only.
    case unresolved
    /// A hosted-LLM API endpoint named by a URL in the code (`https://api.openai.com/v1/chat/completions`).
    case endpoint
}

/// One callable as seen in one translation unit.
public struct FunctionFact: Hashable, Codable, Sendable {
    /// Program-wide identity: the USR, plus `@file` for internal linkage (see `FunctionID`).
    public var id: String
    /// Qualified name without parameters: `ns::Class::method`, `Pipeline::Pipeline`, `Chat::operator()`.
    public var name: String
    public var kind: FunctionKind
    public var linkage: Linkage
    /// Where the definition is, or the first declaration seen when there is no definition.
    public var location: SourceLocation?
    public var isDefinition: Bool
    /// Declared in a system header (`<vector>`, `/usr/include`).
    public var isSystem: Bool
    /// The function type (canonical spelling, `int (const char *)`) of a function, or of what a
    /// function-pointer variable or field points to: how calls through pointers find compatible targets.
    public var signature: String?

    public init(id: String, name: String, kind: FunctionKind, linkage: Linkage, location: SourceLocation?,
                isDefinition: Bool, isSystem: Bool = false, signature: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.linkage = linkage
        self.location = location
        self.isDefinition = isDefinition
        self.isSystem = isSystem
        self.signature = signature
    }
}
