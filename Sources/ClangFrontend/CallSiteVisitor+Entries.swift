import CClang
import Foundation
import SinkmapCore

/// Entry points the code declares by registering a function: HTTP route handlers; and the functions a thread
/// or `std::async` starts, reached from the spawner by an `async` edge. Each
/// framework's registration call is recognised by the callee's qualified name; the handler argument is
/// followed through conversions and wrapper calls to a lambda, a function, or a local variable holding a lambda.
extension CallSiteVisitor {
    /// A registration seen before its handler lambda (arguments are visited after the call).
    struct PendingRegistration {
        var kind: RegistrationKind
        var route: String?
        var registeredBy: String
        var location: SourceLocation
        var routeAsWritten: String?
    }

    /// Where a registration's handler is.
    enum HandlerReference {
        case closure(FileOffset)
        case function(String)
    }

    static let httpVerbs: Set<String> = ["Get", "Post", "Put", "Patch", "Delete", "Options", "Head"]
    static let threadStarters: Set<String> = ["std::thread::thread", "std::jthread::jthread", "pthread_create", "std::async"]
    /// The last name component of every registration this recognises: a cheap test run on every call.
    static let registrationNames = httpVerbs.union(httpVerbs.map { $0.lowercased() })
        .union(["registerHandler", "route", "route_dynamic", "thread", "jthread", "pthread_create", "async"])
        .union(drogonRegistrations).union(crowBlueprintRules)

    /// Recognises a registration call and records its handler as an entry point.
    func visitRegistration(_ call: CXCursor, callee: FunctionFact, caller: String, site: Site) {
        let lastName = callee.name.range(of: "::", options: .backwards).map { String(callee.name[$0.upperBound...]) } ?? callee.name
        guard Self.registrationNames.contains(lastName) else { return }
        let parts = callee.name.components(separatedBy: "::")
        guard let last = parts.last else { return }
        let owner = parts.count > 1 ? parts[parts.count - 2] : ""
        let arguments = Self.arguments(call)
        if Self.threadStarters.contains(callee.name) {
            // The first argument that is a function or a lambda: std::async's launch policy is skipped. The
            // spawner reaches it (`async`), so a path continues from whatever reaches the spawner.
            spawn(arguments.lazy.compactMap { self.handler($0) }.first, caller: caller, site: site)
            return
        }
        if Self.httpVerbs.contains(last), owner.hasSuffix("Server"), arguments.count >= 2 {
            // cpp-httplib: `svr.Post("/completion", handler)` (handler last: some overloads take a reader too).
            register(handler(arguments[arguments.count - 1]), kind: .httpHandler,
                     verb: last.uppercased(), pattern: arguments[0], caller: caller, site: site)
        } else if Self.httpVerbs.contains(last), owner == "Routes", arguments.count >= 3 {
            // Pistache: `Routes::Post(router, "/infer", Routes::bind(&Handler::infer, this))`.
            register(handler(arguments[2]), kind: .httpHandler, verb: last.uppercased(), pattern: arguments[1],
                     caller: caller, site: site)
        } else if parts.first == "drogon", Self.drogonRegistrations.contains(last) {
            // Drogon's controller macros: METHOD_ADD, ADD_METHOD_TO, ADD_METHOD_VIA_REGEX, PATH_ADD.
            visitDrogonController(call, function: last, arguments: arguments, caller: caller, site: site)
        } else if parts.first == "crow", Self.crowBlueprintRules.contains(last), let pattern = arguments.first {
            // Crow: `CROW_BP_ROUTE(bp, "/x")` is `bp.new_rule_tagged<…>("/x")`: under the blueprint's prefix.
            visitCrowRoute(pattern: pattern, prefix: crowBlueprintPrefix(call), caller: caller, site: site)
        } else if last == "registerHandler", arguments.count >= 2 {
            // Drogon: `app().registerHandler("/generate", handler, {Post})`.
            let verbs = arguments.count >= 3 ? methodNames(in: arguments[2]) : []
            register(handler(arguments[1]), kind: .httpHandler, verb: verbs.joined(separator: "|"), pattern: arguments[0],
                     caller: caller, site: site)
        } else if (last == "route" || last == "route_dynamic"), parts.first == "crow", let pattern = arguments.first {
            visitCrowRoute(pattern: pattern, caller: caller, site: site)
        } else if Self.httpVerbs.contains(last.prefix(1).uppercased() + last.dropFirst()), arguments.count >= 2,
                  Self.looksLikeWebAPI(callee.name, handlerType: clang_getTypeSpelling(clang_getCursorType(arguments[arguments.count - 1])).consume()),
                  route("", arguments[0]).hasPrefix("/") {
            // A project's own wrapper around a server (`ctx_http.post("/completion", handler)`): a verb-named
            // method given a literal URL path and a handler registers that handler.
            register(handler(arguments[arguments.count - 1]), kind: .httpHandler, verb: last.uppercased(), pattern: arguments[0],
                     caller: caller, site: site)
        }
    }

    /// Crow: `CROW_ROUTE(app, "/x").methods(…)([](…){…})` is `app.route<…>("/x")`, then `.methods(…)`, then a
    /// call of the rule's `operator()` with the handler. The enclosing calls are the ancestors of `route`.
    private func visitCrowRoute(pattern: CXCursor, prefix: String? = nil, caller: String, site: Site) {
        var verbs: [String] = []
        for frame in stack.reversed().prefix(12) where frame.kind == CXCursor_CallExpr {
            let referenced = clang_getCursorReferenced(frame.cursor)
            let name = referenced.isNull ? "" : referenced.spelling
            if name == "methods" {
                verbs += Self.arguments(frame.cursor).flatMap(methodNames)
            } else if name == "operator()" {
                let arguments = Self.arguments(frame.cursor)
                guard let last = arguments.last else { return }
                let verb = verbs.isEmpty ? "GET" : verbs.joined(separator: "|")
                if let prefix {
                    // The rule is the blueprint's: `'/' + prefix + rule`, as Crow's Blueprint::new_rule_* build it.
                    let written = route("", pattern), resolved = resolvedRoute("", pattern)
                    let full = { (rule: String) in "\(verb) /\(prefix)\(rule)" }
                    register(handler(last), kind: .httpHandler, route: full(resolved ?? written),
                             asWritten: resolved == nil || resolved == written ? nil : full(written), caller: caller, site: site)
                } else {
                    register(handler(last), kind: .httpHandler, verb: verb, pattern: pattern, caller: caller, site: site)
                }
                return
            }
        }
    }

    /// A verb-named method is a route registration only on something web-shaped: its class or namespace says so
    /// (`server_http_context::post`), or the handler's type mentions requests (`cache.put("/tmp/x", cb)` is not).
    static func looksLikeWebAPI(_ qualifiedName: String, handlerType: String) -> Bool {
        let owner = qualifiedName.lowercased()
        let type = handlerType.lowercased()
        return ["http", "server", "route", "router", "web", "rest"].contains { owner.contains($0) }
            || ["request", "response", "handler"].contains { type.contains($0) }
    }

    private func spawn(_ handler: HandlerReference?, caller: String, site: Site) {
        switch handler {
        case .function(let id)?:
            facts.calls.append(CallFact(caller: caller, callee: id, location: site.location, kind: .async, macro: site.macro))
        case .closure(let at)?:
            pendingSpawns[at] = (caller, site)
        case nil:
            break
        }
    }

    /// Records a handler for the route `verb pattern`: resolved to its constant value when every piece of the
    /// pattern is one (the route as written is kept beside it), else as written.
    func register(_ handler: HandlerReference?, kind: RegistrationKind, verb: String, pattern: CXCursor, caller: String,
                  site: Site) {
        let written = route(verb, pattern)
        let resolved = resolvedRoute(verb, pattern)
        let route = resolved ?? written
        let asWritten = resolved == nil || resolved == written ? nil : written
        register(handler, kind: kind, route: route, asWritten: asWritten, caller: caller, site: site)
    }

    /// Records a handler for a route already put together (`asWritten`: the pattern as written when `route` was resolved
    /// from constants).
    func register(_ handler: HandlerReference?, kind: RegistrationKind, route: String, asWritten: String?, caller: String,
                  site: Site) {
        switch handler {
        case .function(let id)?:
            facts.registrations.append(EntryRegistrationFact(function: id, kind: kind, route: route, registeredBy: caller,
                                                             location: site.location, routeAsWritten: asWritten))
        case .closure(let at)?:
            pendingRegistrations[at] = PendingRegistration(kind: kind, route: route, registeredBy: caller,
                                                           location: site.location, routeAsWritten: asWritten)
        case nil:
            break
        }
    }

    /// Called for every new lambda: completes a registration waiting for it, and remembers the local variable
    /// it is stored in so a later registration by that name finds it.
    func visitClosureRegistration(_ cursor: CXCursor, id: String) {
        if let at = cursor.location.expansion {
            let key = FileOffset(file: at.path, offset: at.offset)
            if let p = pendingRegistrations.removeValue(forKey: key) {
                facts.registrations.append(EntryRegistrationFact(function: id, kind: p.kind, route: p.route,
                                                                 registeredBy: p.registeredBy, location: p.location,
                                                                 routeAsWritten: p.routeAsWritten))
            }
            if let (spawner, site) = pendingSpawns.removeValue(forKey: key) {
                facts.calls.append(CallFact(caller: spawner, callee: id, location: site.location, kind: .async, macro: site.macro))
            }
        }
        // `auto handle = [&](…){…};`, `std::function<…> handle = …;`, `auto h = wrap([&](…){…});`
        for frame in stack.reversed().prefix(6) {
            switch frame.kind {
            case CXCursor_VarDecl:
                let usr = frame.cursor.usr
                if !usr.isEmpty, closureByVariable[usr] == nil { closureByVariable[usr] = id }
                return
            case CXCursor_UnexposedExpr, CXCursor_ParenExpr, CXCursor_CallExpr:
                continue
            default:
                return
            }
        }
    }

    /// The function a handler argument stands for: a lambda, a function or method (`f`, `&f`, `&C::m`), a local
    /// variable holding a lambda, or — through `std::function` conversions and wrapper calls such as
    /// `ex_wrapper(handle)` or `std::bind(&C::m, this, …)` — the first argument that is one of those.
    func handler(_ expression: CXCursor, depth: Int = 0) -> HandlerReference? {
        guard depth < 12 else { return nil }
        switch expression.kind {
        case CXCursor_LambdaExpr, CXCursor_BlockExpr:
            guard let at = expression.location.expansion else { return nil }
            return .closure(FileOffset(file: at.path, offset: at.offset))
        case CXCursor_DeclRefExpr, CXCursor_MemberRefExpr:
            let declaration = clang_getCursorReferenced(expression)
            if declaration.isNull { return nil }
            if CursorNaming.isFunctionLike(declaration.kind) {
                let primary = clang_getSpecializedCursorTemplate(declaration)
                return remember(primary.isNull ? declaration : primary).map { .function($0.id) }
            }
            if declaration.kind == CXCursor_VarDecl, let id = closureByVariable[declaration.usr] { return .function(id) }
            return nil
        case CXCursor_CallExpr:
            var arguments = Self.arguments(expression)
            // `wrap(handle)` on a lambda object: the object is the operator's first argument, not the handler.
            let callee = clang_getCursorReferenced(expression)
            if !callee.isNull, callee.spelling == "operator()", !arguments.isEmpty { arguments.removeFirst() }
            if !arguments.isEmpty || !callee.isNull {
                return arguments.lazy.compactMap { self.handler($0, depth: depth + 1) }.first
            }
            fallthrough
        default:
            for child in Self.children(expression) {
                if let h = handler(child, depth: depth + 1) { return h }
            }
            return nil
        }
    }

    static func arguments(_ call: CXCursor) -> [CXCursor] {
        let n = clang_Cursor_getNumArguments(call)
        guard n > 0 else { return [] }
        return (0..<UInt32(n)).map { clang_Cursor_getArgument(call, $0) }
    }
}
