/// How code hands a function to something that will run it later, making it an entry point of its own.
public enum RegistrationKind: String, Codable, Sendable, Comparable {
    /// Registered with an HTTP server as a route handler (cpp-httplib, Crow, Drogon, Pistache). (A function
    /// handed to a thread is not a registration: the spawner reaches it by an `async` call.)
    case httpHandler = "http-handler"

    public static func < (a: RegistrationKind, b: RegistrationKind) -> Bool { a.rawValue < b.rawValue }
}

/// A function or lambda registered somewhere: `svr.Post("/completion", handler)`.
/// The registering function is kept as context; paths through the handler start at the handler.
public struct EntryRegistrationFact: Hashable, Codable, Sendable {
    /// The handler: a function, method or lambda id.
    public var function: String
    public var kind: RegistrationKind
    /// For HTTP handlers: `POST /completion`. Parts of the pattern that are not string literals are written
    /// `${expression}` as in the source (`POST ${sparams.request_path}/load`); no method when the framework
    /// does not say one (`/x`).
    public var route: String?
    /// The function (or lambda, or `<initializer:FILE>`) that makes the registration.
    public var registeredBy: String
    /// Where the registering call is written.
    public var location: SourceLocation
    /// When `route` was resolved from constants and default member values (`POST /inference`), the pattern as
    /// written (`POST ${sparams.request_path}${sparams.inference_path}`): the evidence, and what code may change.
    public var routeAsWritten: String?

    public init(function: String, kind: RegistrationKind, route: String?, registeredBy: String, location: SourceLocation,
                routeAsWritten: String? = nil) {
        self.routeAsWritten = routeAsWritten
        self.function = function
        self.kind = kind
        self.route = route
        self.registeredBy = registeredBy
        self.location = location
    }
}

/// A function that reads a standard input stream by name (`std::cin`, `std::wcin`): a source of untrusted
/// input that is a variable, not a call.
public struct StreamReadFact: Hashable, Codable, Sendable {
    public var function: String
    /// The stream as written, qualified: `std::cin`.
    public var stream: String

    public init(function: String, stream: String) {
        self.function = function
        self.stream = stream
    }
}
