/// How a call site reaches its callee. Statically bound kinds are certain; the others are inferred.
public enum CallKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// A call to a named function or a non-virtual method.
    case direct
    /// A constructor run by a declaration, `new`, a temporary or a member initializer.
    case constructor
    /// An overloaded operator: `a + b`, `obj(...)`, `a[i]`.
    case `operator`
    /// A virtual method called through a pointer or reference (the static target).
    case virtual
    /// A call through a struct field of function-pointer type (`g_ort->Run(...)` → `OrtApi::Run`).
    case field
    /// A call through a function pointer resolved to a function stored into that field, variable or
    /// parameter (or, failing that, to an address-taken function of the same type).
    case pointer
    /// Creation of a lambda or block by the enclosing function (which may run it, or hand it on).
    case lambda
    /// A call inside a template resolved for a type argument the template is instantiated with.
    case template
    /// A call with no syntax of its own: a destructor at the end of a scope or by `delete`.
    case implicit
    /// The function names a hosted-LLM API's URL (a string literal, or a constant holding one): whatever HTTP
    /// client it uses, that is where its request goes.
    case endpoint
    /// A name-only edge recovered where libclang could not resolve the callee (e.g. a missing header).
    case unresolved

    /// Tie-break between call sites at the same location (the earliest site represents an edge).
    public static func < (a: CallKind, b: CallKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One call site as seen in one translation unit.
public struct CallFact: Hashable, Codable, Sendable {
    public var caller: String
    public var callee: String
    public var location: SourceLocation
    public var kind: CallKind
    /// The macro the call was written through, when it came from a macro expansion.
    public var macro: String?
    /// The callee as written through the receiver's static type (`Ort::Session::Run` for an inherited
    /// `Ort::detail::SessionImpl::Run`), when that differs from its resolved name. Sink rules match either.
    public var writtenAs: String?

    public init(caller: String, callee: String, location: SourceLocation, kind: CallKind, macro: String? = nil,
                writtenAs: String? = nil) {
        self.writtenAs = writtenAs
        self.caller = caller
        self.callee = callee
        self.location = location
        self.kind = kind
        self.macro = macro
    }
}
