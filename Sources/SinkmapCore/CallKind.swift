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
    /// A call of a callable object kept in a field, variable or parameter (`std::function`, a lambda, a bound
    /// member), resolved to what was bound into that slot — by a setter, a constructor argument, a member
    /// initializer or an assignment; the evidence is where it was bound.
    case storedCallback = "stored-callback"
    /// A producer hands work to a consumer through a container field of the same class: the function that
    /// pushes (`queue.push_back(task)`) reaches the function that pops (`queue.front()`, `pop_front`, range-for).
    /// The evidence is the field and the consumer's access.
    case handoff
    /// A callable started on another thread or deferred: `std::thread`, `std::jthread`, `std::async`,
    /// `pthread_create`.
    case async
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
    /// A call into a library (a system header) whose every argument is a literal: `system("ffmpeg -version")`
    /// cannot carry the model's output.
    public var constantArguments: Bool = false

    public init(caller: String, callee: String, location: SourceLocation, kind: CallKind, macro: String? = nil,
                writtenAs: String? = nil, constantArguments: Bool = false) {
        self.constantArguments = constantArguments
        self.writtenAs = writtenAs
        self.caller = caller
        self.callee = callee
        self.location = location
        self.kind = kind
        self.macro = macro
    }
}

/// Why an inferred edge exists, for the kinds that connect code through data: the slot a callable was bound
/// into and where (`stored-callback`), or the container field and the consumer's access (`handoff`).
public struct CallEvidence: Hashable, Codable, Sendable {
    /// The field, variable or parameter, by qualified name (`server_queue::callback_new_task`).
    public var slot: String
    /// Where the callable was bound into it, or where the consumer reads the container.
    public var location: SourceLocation
    public init(slot: String, location: SourceLocation) {
        self.slot = slot
        self.location = location
    }
}
