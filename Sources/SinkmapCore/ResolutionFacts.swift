/// `method` overrides `overridden` (a virtual method of a base class). Class-hierarchy analysis follows these
/// downwards: a virtual call to a base method reaches every override.
public struct OverrideFact: Hashable, Codable, Sendable {
    public var method: String
    public var overridden: String
    public init(method: String, overridden: String) {
        self.method = method
        self.overridden = overridden
    }
}

/// A function's address stored somewhere: into a struct field (field-sensitive, by the field's identity), a
/// variable, a parameter (passed as an argument), or nowhere in particular (`slot` nil: merely address-taken).
/// Lambdas count too: a lambda handed to a setter is stored into its parameter.
public struct AddressStoreFact: Hashable, Codable, Sendable {
    public var function: String
    /// Field id, variable id, `param:<function id>#<index>` or `targ:<template id>#<index>` (a template
    /// argument); nil when the address only escapes.
    public var slot: String?
    /// Where the function is named (or the lambda written) at the store: the binding's evidence.
    public var location: SourceLocation?
    public init(function: String, slot: String?, location: SourceLocation? = nil) {
        self.function = function
        self.slot = slot
        self.location = location
    }
}

/// What a slot holds also goes into another: `callback_ = std::move(cb)` (parameter → field), `auto f = g`,
/// `queue.push_back(job)` (→ the container field), `auto job = std::move(jobs.front())` (container → local),
/// `run(handler)` (local → the callee's parameter).
public struct SlotFlowFact: Hashable, Codable, Sendable {
    public var from: String
    public var to: String
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// A function puts items into (`push_back`, `emplace`, `push`, `insert`, …) or takes them out of (`front`,
/// `pop_front`, `top`, range-for, …) a container field: the two halves of a hand-off between a producer and a
/// consumer of the same field of the same class.
public struct ContainerAccessFact: Hashable, Codable, Sendable {
    public enum Role: String, Codable, Sendable { case produce, consume }
    public var function: String
    /// The field's id (its USR: class and field).
    public var container: String
    public var role: Role
    public var location: SourceLocation
    public init(function: String, container: String, role: Role, location: SourceLocation) {
        self.function = function
        self.container = container
        self.role = role
        self.location = location
    }
}

/// A name that means another: `namespace script { using ::torch::jit::Module; }` makes
/// `torch::jit::script::Module` mean `torch::jit::Module`. Applied to qualified-name prefixes.
public struct NameAliasFact: Hashable, Codable, Sendable {
    public var alias: String
    public var canonical: String
    public init(alias: String, canonical: String) {
        self.alias = alias
        self.canonical = canonical
    }
}

/// A template used with concrete type arguments: calls to `run_model<TorchModel>` record
/// (`run_model`, ["TorchModel"]). For members of class templates the arguments are the class's.
public struct InstantiationFact: Hashable, Codable, Sendable {
    public var template: String
    public var arguments: [String]
    public init(template: String, arguments: [String]) {
        self.template = template
        self.arguments = arguments
    }
}

/// A call inside a template on a receiver whose type is the template's `parameterIndex`-th type parameter
/// (`model.infer(x)` with `M& model`): resolved per instantiation to `Arg::member`.
public struct DependentCallFact: Hashable, Codable, Sendable {
    public var caller: String
    public var parameterIndex: Int
    public var member: String
    public var location: SourceLocation
    public var macro: String?
    public init(caller: String, parameterIndex: Int, member: String, location: SourceLocation, macro: String?) {
        self.caller = caller
        self.parameterIndex = parameterIndex
        self.member = member
        self.location = location
        self.macro = macro
    }
}

/// Where a hosted-LLM URL goes, one step at a time: a URL written in the code (`url`) or the contents of a string
/// slot (`slot`: a variable, parameter or field that may hold one) stored into another slot (`to`: a member
/// initializer, an assignment, a project function's parameter), or used where the function stands (`to` nil:
/// concatenated into a request, handed to a library call such as `curl_easy_setopt`). `CallGraphBuilder` joins
/// the steps over the whole program: the function that *uses* a URL is the one that sends to that endpoint —
/// a constructor that only stores a default URL is not.
public struct EndpointFlowFact: Hashable, Codable, Sendable {
    /// The function (or unit initializer) whose code this is.
    public var function: String
    /// A hosted-LLM URL written here (a string literal).
    public var url: String?
    /// Or a string slot read here, with its name for evidence.
    public var slot: String?
    public var slotName: String?
    /// Where the value goes: a slot id; nil when it is used here.
    public var to: String?
    /// When `to` is a parameter: its function. A library function's parameter (not defined in the tree) is a use.
    public var toFunction: String?
    public var location: SourceLocation
    public init(function: String, url: String? = nil, slot: String? = nil, slotName: String? = nil, to: String? = nil,
                toFunction: String? = nil, location: SourceLocation) {
        self.function = function
        self.url = url
        self.slot = slot
        self.slotName = slotName
        self.to = to
        self.toFunction = toFunction
        self.location = location
    }
}
