/// A method of a class whose base is a gRPC generated service class that could not be resolved (the generated
/// `*.grpc.pb.h` is missing, as in a checkout before any build): `BackendServiceImpl::Predict` in a class deriving
/// from `backend::Backend::Service`. It is a gRPC method when a `.proto` of the tree declares that service with an
/// rpc of that name (`ProtoServices`).
public struct UnresolvedServiceMethodFact: Hashable, Codable, Sendable {
    /// The method's id.
    public var method: String
    /// The method's own name (`Predict`).
    public var name: String
    /// The base as written, without template arguments (`backend::Backend::Service`,
    /// `backend::Backend::WithAsyncMethod_Predict`).
    public var base: String
    /// The service the base names, dotted as in a `.proto` (`backend.Backend`).
    public var service: String

    public init(method: String, name: String, base: String, service: String) {
        self.method = method
        self.name = name
        self.base = base
        self.service = service
    }

    /// The classes protoc's gRPC plugin generates inside a service (`Greeter::Service`, `Greeter::AsyncService`,
    /// `Greeter::WithAsyncMethod_SayHello<…>`): the service a base names, dotted, or nil when it names none of them.
    public static func service(ofBase base: String) -> String? {
        let parts = base.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 3, parts.first != "grpc", let last = parts.last else { return nil }
        let exact: Set<String> = ["Service", "AsyncService", "CallbackService", "ExperimentalCallbackService",
                                  "StreamedUnaryService", "SplitStreamedService", "StreamedService", "GenericService"]
        let prefixes = ["WithAsyncMethod_", "WithCallbackMethod_", "ExperimentalWithCallbackMethod_", "WithGenericMethod_",
                        "WithRawMethod_", "WithRawCallbackMethod_", "ExperimentalWithRawCallbackMethod_",
                        "WithStreamedUnaryMethod_", "WithSplitStreamingMethod_"]
        guard exact.contains(last) || prefixes.contains(where: { last.hasPrefix($0) && last.count > $0.count }) else { return nil }
        return parts.dropLast().joined(separator: ".")
    }
}

/// The services the `.proto` files of a tree declare: `package backend; service Backend { rpc Predict(…) … }` is
/// `backend.Backend` with the rpc `Predict`, declared at `backend/backend.proto:13`. Read by a small lexer (comments
/// and string literals skipped; nested braces of options followed), never by running protoc.
public struct ProtoServices: Sendable, Equatable {
    public struct RPC: Sendable, Equatable {
        public var file: String
        public var line: Int
    }

    /// Full service name (`backend.Backend`) → rpc name → where it is declared (the first, when declared twice).
    public private(set) var services: [String: [String: RPC]] = [:]

    public init() {}

    public var isEmpty: Bool { services.isEmpty }

    /// Adds the services of one `.proto`'s text; `file` is how it is shown (root-relative).
    public mutating func add(text: String, file: String) {
        var package = ""
        let tokens = Self.tokens(text)
        var i = 0
        while i < tokens.count {
            let (word, _) = tokens[i]
            if word == "package", i + 1 < tokens.count {
                package = tokens[i + 1].text
                i += 2
                continue
            }
            if word == "service", i + 2 < tokens.count, tokens[i + 2].text == "{" {
                let name = package.isEmpty ? tokens[i + 1].text : package + "." + tokens[i + 1].text
                var depth = 0
                var j = i + 2
                while j < tokens.count {
                    let t = tokens[j].text
                    if t == "{" { depth += 1 } else if t == "}" { depth -= 1; if depth == 0 { break } }
                    if depth == 1, t == "rpc", j + 1 < tokens.count {
                        let rpc = tokens[j + 1]
                        if services[name]?[rpc.text] == nil { services[name, default: [:]][rpc.text] = RPC(file: file, line: rpc.line) }
                    }
                    j += 1
                }
                i = j + 1
                continue
            }
            i += 1
        }
    }

    /// Words (identifiers, dotted names) and single punctuation characters with their lines; comments and strings
    /// dropped.
    static func tokens(_ text: String) -> [(text: String, line: Int)] {
        var out: [(String, Int)] = []
        let chars = Array(text.unicodeScalars)
        var i = 0, line = 1
        func isWord(_ c: Unicode.Scalar) -> Bool {
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_" || c == "."
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { line += 1; i += 1; continue }
            if c == "/", i + 1 < chars.count, chars[i + 1] == "/" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                i += 2
                while i < chars.count, !(chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/") {
                    if chars[i] == "\n" { line += 1 }
                    i += 1
                }
                i += 2
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                while i < chars.count, chars[i] != c, chars[i] != "\n" { i += chars[i] == "\\" ? 2 : 1 }
                i += 1
                continue
            }
            if isWord(c) {
                let start = i
                while i < chars.count, isWord(chars[i]) { i += 1 }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: chars[start..<i])
                out.append((String(s), line))
                continue
            }
            if c == "{" || c == "}" || c == ";" || c == "(" || c == ")" { out.append((String(c), line)) }
            i += 1
        }
        return out
    }

    /// The route and evidence of an unresolved service method: `/backend.Backend/Predict`, matched against
    /// `backend/backend.proto:13`; nil when no `.proto` declares that rpc.
    public func route(of fact: UnresolvedServiceMethodFact) -> (route: String, rpc: RPC)? {
        guard let rpc = services[fact.service]?[fact.name] else { return nil }
        return ("/\(fact.service)/\(fact.name)", rpc)
    }
}
