/// What one function does with values, as a def-use summary the path engine follows (Docs/threat-context.md,
/// "Does the request reach the sink?"): which variables, parameters, fields and call results flow into which call
/// arguments, variables and the return value. Recorded by the visitor for every function and lambda defined in
/// the project's code (not system headers); no rule about what is tainted lives here.
///
/// Flow inside a function is flow-insensitive and over-approximate: every value an expression mentions flows into
/// where the expression goes (`f(a + b[i])` gives `a`, `b` and `i` to `f`'s argument), control dependence is not
/// followed, and objects are whole (writing `obj.field` writes `obj`).
public struct FlowFact: Hashable, Codable, Sendable {
    /// The function or lambda, by the id its `FunctionFact` has.
    public var function: String
    /// The enclosing function of a lambda or block (whose locals it captures); nil otherwise.
    public var enclosing: String?
    /// The file the function's body is in: every edge's line and column are in it.
    public var file: String
    /// Its parameters in order.
    public var parameters: [FlowParameter]
    /// The values its flow speaks of; edges and calls refer to them by index.
    public var values: [FlowValue]
    /// `from, to, line, column` for each edge, flattened: value `from` flows into value `to` where `from` is
    /// written (line and column in `file`).
    public var edges: [Int32]
    /// Its call sites, in the order they are written; `FlowValue.call` indexes this.
    public var calls: [FlowCall]

    public init(function: String, enclosing: String? = nil, file: String, parameters: [FlowParameter] = [],
                values: [FlowValue] = [], edges: [Int32] = [], calls: [FlowCall] = []) {
        self.function = function
        self.enclosing = enclosing
        self.file = file
        self.parameters = parameters
        self.values = values
        self.edges = edges
        self.calls = calls
    }

    public var edgeCount: Int { edges.count / 4 }
}

public struct FlowParameter: Hashable, Codable, Sendable {
    public var name: String
    /// Its type names a request (`const httplib::Request &`, `const HelloRequest *`): what a handler receives.
    public var request: Bool
    /// A pointer to non-const or a non-const reference: what the function writes there, its caller sees.
    public var writable: Bool
    public init(name: String, request: Bool = false, writable: Bool = false) {
        self.name = name
        self.request = request
        self.writable = writable
    }
}

/// One value of a function's flow.
public struct FlowValue: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// A local variable: its own, or one of the enclosing function's (a lambda's capture). `key` identifies the
        /// declaration, so a lambda and its enclosing function name the same variable alike.
        case local
        /// A parameter of this function (`index`); `key` as for a local, so a lambda capturing it names it alike.
        case parameter
        /// A variable with static storage (a global, a static member or local): `key` is its id.
        case global
        /// The object a method runs on, as a whole.
        case this
        /// A field of `this` (`key`: the field's id), read or written without another object named.
        case field
        /// What call `index` returns.
        case result
        /// Argument `argument` (from 0) of call `index`, as passed.
        case argument
        /// The object call `index` is made on (`obj` in `obj.m()`, the left operand of a member operator).
        case receiver
        /// The function's return value.
        case returned
        /// A standard input stream named in the function (`std::cin`).
        case stream
        /// A lambda or block written here (`key`: where), as a value handed on.
        case closure
    }

    public var kind: Kind
    public var key: String
    public var index: Int32
    public var argument: Int32
    /// How a witness shows it: the variable's or field's name, `json::parse(…)`, `this`.
    public var name: String

    public init(kind: Kind, key: String = "", index: Int32 = -1, argument: Int32 = -1, name: String = "") {
        self.kind = kind
        self.key = key
        self.index = index
        self.argument = argument
        self.name = name
    }
}

/// One call site as the flow sees it. `location` is the `CallFact`'s, so a path's call site finds it.
public struct FlowCall: Hashable, Codable, Sendable {
    /// The callee's name as written, unqualified (`parse`, `operator()`): for witnesses.
    public var name: String
    public var location: SourceLocation
    /// How many arguments it is given (after a member operator's object, which is the receiver).
    public var arguments: Int32
    /// The argument positions the callee may write through (a pointer to non-const, a non-const reference).
    public var writable: [Int32]
    /// The call is made on an object it may change (a non-const method).
    public var receiverWritable: Bool
    /// The call writes to a file: `fwrite`/`fputs`/`fprintf` to a `FILE *` other than the standard streams, `<<` or
    /// `write` on a `std::ofstream`/`std::fstream`.
    public var writesFile: Bool

    public init(name: String, location: SourceLocation, arguments: Int32, writable: [Int32] = [],
                receiverWritable: Bool = false, writesFile: Bool = false) {
        self.name = name
        self.location = location
        self.arguments = arguments
        self.writable = writable
        self.receiverWritable = receiverWritable
        self.writesFile = writesFile
    }
}
