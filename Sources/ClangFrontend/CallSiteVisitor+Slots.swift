import CClang
import SinkmapCore

/// Where callables go and where they are called from: the facts behind `stored-callback`, `handoff` and
/// function-valued template arguments. The visitor only records what one unit shows — a function or lambda
/// stored into a slot, one slot's contents flowing into another, a container field filled or drained, a call
/// through a slot — and `CallGraphBuilder` joins them over the whole program.
extension CallSiteVisitor {
    /// Where a value written at some position of the expression tree ends up.
    enum Destination: Equatable {
        /// It is the callee of the enclosing call: called, not stored.
        case called
        /// Stored into this field, variable, parameter, template argument or container; nil when the value
        /// goes somewhere not tracked (it only escapes).
        case slot(String?)
        /// Strings only: looked at, not passed on (`url.empty()`, `url == other`, the left side of `url = …`).
        case dropped
    }

    /// Container methods that put an item in, and that take one out.
    static let containerPuts: Set<String> = ["push_back", "emplace_back", "push_front", "emplace_front", "push", "emplace",
                                             "insert", "enqueue", "try_enqueue"]
    static let containerTakes: Set<String> = ["pop", "pop_front", "pop_back", "extract", "dequeue", "try_dequeue",
                                              "try_pop", "wait_dequeue", "wait_pop"]
    /// Reads of a container's next item: `q.front()` is the item itself.
    static let containerReads: Set<String> = ["front", "back", "top"]

    /// Follows the value at child position `index` of the innermost frame up through conversions, wrappers that
    /// keep the callable (`std::move`, `std::bind(f, …)`, `std::function`'s constructor, `std::ref`) and a
    /// container's `front()`, to where it is stored: an argument of a call (the callee's parameter), a member
    /// initializer, an assignment (also `std::function::operator=`), a variable's initializer, an item put into
    /// a container field, or a function-valued template argument.
    /// `value` is the declaration referenced, when the value is a reference: a call of that very declaration
    /// (an overloaded operator names itself among its operands) is the call, not a store.
    ///
    /// With `strings`, the value is a string that may hold a URL: it is kept through the string's own
    /// constructors and conversions (`c_str()`, `std::string(x)`), `std::make_unique<T>(url)` stores it into `T`'s
    /// constructor, `return` into the function's result, and the string's own inspections drop it.
    func destination(ofValueAt index: Int, value: CXCursor? = nil, strings: Bool = false) -> Destination {
        func slot(_ decl: CXCursor) -> String? { strings ? stringSlotID(decl) : slotID(decl) }
        var chainIndex = index
        var j = stack.count - 1
        while j >= 1 {
            let f = stack[j]
            switch f.kind {
            case CXCursor_UnexposedExpr, CXCursor_ParenExpr, CXCursor_UnaryOperator, CXCursor_CStyleCastExpr:
                // A designated initializer (`.fn = f`) is an unexposed expression whose designator came first.
                if f.kind == CXCursor_UnexposedExpr, let designator = f.lastMemberRef, chainIndex > 0 {
                    return .slot(strings ? stringSlotID(clang_getCursorReferenced(designator)) : fieldID(clang_getCursorReferenced(designator)))
                }
                chainIndex = f.index
                j -= 1
            case CXCursor_CXXFunctionalCastExpr, CXCursor_CXXStaticCastExpr, CXCursor_CXXConstCastExpr, CXCursor_ConditionalOperator:
                guard strings else { return .slot(nil) }
                if f.kind == CXCursor_ConditionalOperator && chainIndex == 0 { return .dropped }
                chainIndex = f.index
                j -= 1
            case CXCursor_MemberRefExpr:
                // `jobs.front()`: the item read is the value; the call is the next frame up.
                let member = clang_getCursorReferenced(f.cursor)
                if strings {
                    // `url.c_str()` is the URL; `url.empty()` only looks at it; `this->url_` (the member itself) is
                    // not a call on a string.
                    guard chainIndex == 0, !member.isNull, j >= 2, stack[j - 1].kind == CXCursor_CallExpr else { return .slot(nil) }
                    guard Self.stringViews.contains(member.spelling) else { return .dropped }
                    chainIndex = stack[j - 1].index
                    j -= 2
                    continue
                }
                guard chainIndex == 0, !member.isNull, Self.containerReads.contains(member.spelling), j >= 2,
                      stack[j - 1].kind == CXCursor_CallExpr else { return .slot(nil) }
                chainIndex = stack[j - 1].index
                j -= 2
            case CXCursor_CallExpr:
                let callee = clang_getCursorReferenced(f.cursor)
                if callee.isNull { return .slot(nil) }
                guard CursorNaming.isFunctionLike(callee.kind) else { return .slot(nil) }
                if let value, clang_equalCursors(callee, value) != 0 || callee.usr == value.usr { return .called }
                let isConstructor = callee.kind == CXCursor_Constructor
                if strings, ["operator=", "operator==", "operator!=", "operator<", "operator>", "operator<=", "operator>=",
                             "operator<=>", "compare"].contains(callee.spelling), chainIndex == 0 || callee.spelling != "operator=" {
                    return .dropped
                }
                if chainIndex == 0 && !isConstructor { return .called }
                let argument = isConstructor ? chainIndex : chainIndex - 1
                if strings, keepsString(callee, argument: argument) {
                    chainIndex = f.index
                    j -= 1
                    continue
                }
                if strings, let constructor = constructedBy(f.cursor, referenced: callee).first {
                    guard let owner = remember(constructor) else { return .slot(nil) }
                    return .slot(FunctionID.parameter(function: owner.id, index: argument))
                }
                if !strings, keepsCallable(callee, argument: argument) {
                    chainIndex = f.index
                    j -= 1
                    continue
                }
                let name = callee.spelling
                if name == "operator=", argument >= 1, let lhs = f.firstChild.map(Self.unwrap) {
                    return .slot(slot(clang_getCursorReferenced(lhs)))
                }
                if !strings, callee.kind == CXCursor_CXXMethod, Self.containerPuts.contains(name), let container = receiverSlot(of: f.cursor) {
                    return .slot(container)
                }
                if argument >= 0, argument < Int(max(0, clang_Cursor_getNumArguments(callee))) {
                    let primary = clang_getSpecializedCursorTemplate(callee)
                    if let owner = remember(primary.isNull ? callee : primary) {
                        return .slot(FunctionID.parameter(function: owner.id, index: argument))
                    }
                }
                return .slot(nil)
            case CXCursor_DeclRefExpr:
                if strings { return .dropped }
                // `with_retry<llama_decode>(…)`: a function written as a template argument of the callee's name.
                return .slot(templateArgumentSlot(templateID: f.cursor, argumentAt: chainIndex))
            case CXCursor_InitListExpr:
                let type = clang_getCanonicalType(clang_getCursorType(f.cursor))
                if type.kind == CXType_Record {
                    let fields = Self.fields(of: type)
                    return .slot(chainIndex < fields.count ? (strings ? stringSlotID(fields[chainIndex]) : fieldID(fields[chainIndex])) : nil)
                }
                // An element of an array: where the array goes decides.
                chainIndex = f.index
                j -= 1
            case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator:
                if chainIndex == 1, let lhs = f.firstChild.map(Self.unwrap) {
                    let decl = clang_getCursorReferenced(lhs)
                    if !decl.isNull { return .slot(slot(decl)) }
                }
                return strings && chainIndex == 0 ? .dropped : .slot(nil)
            case CXCursor_VarDecl, CXCursor_FieldDecl:
                return .slot(slot(f.cursor))
            case CXCursor_ParmDecl where strings:
                // A default argument: `OpenAI(const std::string &root = "https://api.openai.com/v1")`.
                return .slot(stringSlotID(f.cursor))
            case CXCursor_ReturnStmt where strings:
                guard let function = f.context else { return .slot(nil) }
                return .slot(FunctionID.result(function: function))
            case CXCursor_Constructor:
                // A member initializer, `: callback_(std::move(cb))`: the field named just before the value.
                if let field = f.lastMemberRef, chainIndex > 0 {
                    let decl = clang_getCursorReferenced(field)
                    return .slot(strings ? stringSlotID(decl) : fieldID(decl))
                }
                return .slot(nil)
            default:
                return .slot(nil)
            }
        }
        return .slot(nil)
    }

    /// Member functions of a string that give the string itself (or a part of it) back.
    static let stringViews: Set<String> = ["c_str", "data", "str", "string", "substr", "view"]

    /// Library calls that hand back the string they were given: `std::move`, `std::forward`, and the constructors
    /// of `std::basic_string` and `std::basic_string_view`.
    private func keepsString(_ callee: CXCursor, argument: Int) -> Bool {
        guard callee.location.isInSystemHeader else { return false }
        let name = naming.qualifiedName(callee)
        switch name {
        case "std::move", "std::forward":
            return argument == 0
        default:
            return callee.kind == CXCursor_Constructor
                && ["std::basic_string::", "std::__cxx11::basic_string::", "std::basic_string_view::"].contains { name.hasPrefix($0) }
        }
    }

    /// Library calls that hand back the callable they were given: `std::move(x)`, `std::forward<T>(x)`,
    /// `std::ref(x)`, `std::bind(f, …)` / `std::bind_front(f, …)` (the callable is the first argument), and the
    /// constructors of `std::function` and its relatives.
    private func keepsCallable(_ callee: CXCursor, argument: Int) -> Bool {
        guard callee.location.isInSystemHeader else { return false }
        let name = naming.qualifiedName(callee)
        switch name {
        case "std::move", "std::forward", "std::ref", "std::cref":
            return argument == 0
        case "std::bind", "std::bind_front", "std::bind_back":
            return argument == 0
        default:
            // The constructors of the library's callable wrappers.
            guard callee.kind == CXCursor_Constructor else { return false }
            return ["std::function::", "std::move_only_function::", "std::copyable_function::", "std::packaged_task::",
                    "std::reference_wrapper::"].contains { name.hasPrefix($0) }
        }
    }

    /// The field or variable a member call is made on: `queue_tasks` in `queue_tasks.push_back(t)`.
    func receiverSlot(of call: CXCursor) -> String? {
        guard let member = call.firstChild, member.kind == CXCursor_MemberRefExpr,
              let base = member.firstChild.map(Self.unwrap) else { return nil }
        let decl = clang_getCursorReferenced(base)
        guard !decl.isNull, decl.kind == CXCursor_FieldDecl || decl.kind == CXCursor_VarDecl else { return nil }
        let type = clang_getCanonicalType(clang_getCursorType(decl))
        guard type.kind == CXType_Record else { return nil }
        return slotID(decl)
    }

    func slotID(_ decl: CXCursor) -> String? {
        switch decl.kind {
        case CXCursor_FieldDecl: return fieldID(decl)
        case CXCursor_VarDecl, CXCursor_ParmDecl:
            _ = remember(decl)
            guard let file = decl.location.expansion.map({ paths.display($0.path) }) else { return nil }
            return variableID(decl, file: file)
        default: return nil
        }
    }

    func fieldID(_ field: CXCursor) -> String? {
        guard field.kind == CXCursor_FieldDecl else { return nil }
        return remember(field)?.id
    }

    // MARK: - Values that are callables

    /// A reference to a variable, parameter or field that holds a callable (`std::function`, a lambda object, a
    /// function pointer, a template parameter's object): where it goes is a flow between slots.
    func visitCallableReference(_ cursor: CXCursor, declaration: CXCursor, index: Int) {
        guard isCallableSlot(declaration), let from = slotID(declaration),
              case .slot(let to?) = destination(ofValueAt: index), to != from else { return }
        facts.slotFlows.append(SlotFlowFact(from: from, to: to))
    }

    /// Whether a declaration's type holds something callable, or a container of such things.
    func isCallableSlot(_ decl: CXCursor) -> Bool {
        var type = clang_getCanonicalType(clang_getCursorType(decl))
        if type.kind == CXType_LValueReference || type.kind == CXType_RValueReference {
            type = clang_getCanonicalType(clang_getPointeeType(type))
        }
        switch type.kind {
        case CXType_Pointer:
            let pointee = clang_getCanonicalType(clang_getPointeeType(type))
            return pointee.kind == CXType_FunctionProto || pointee.kind == CXType_FunctionNoProto
        case CXType_Record:
            // Cached per class declaration (a specialization is its own): spelling a type is the costly part.
            let declaration = clang_getTypeDeclaration(type)
            let key = clang_hashCursor(declaration)
            if let cached = callableClasses[key], clang_equalCursors(cached.declaration, declaration) != 0 { return cached.callable }
            let spelled = clang_getTypeSpelling(type).consume()
            let callable = CursorNaming.isClosureClass(declaration) || Self.spellsCallable(spelled)
            callableClasses[key] = (declaration, callable)
            return callable
        case CXType_Unexposed:
            // A template parameter's type (`F&& f`) or a dependent container of callables.
            let spelled = clang_getTypeSpelling(type).consume()
            return spelled.hasPrefix("type-parameter-") || Self.spellsCallable(spelled)
        default:
            return false
        }
    }

    static func spellsCallable(_ spelled: String) -> Bool {
        spelled.contains("function<") || spelled.contains("packaged_task<") || spelled.contains("(lambda at ")
    }

    // MARK: - Calls through slots

    /// `callback_(x)` on a `std::function` field, `f()` on a parameter of template type or holding a lambda:
    /// a `stored-callback` call of the slot, resolved to what was bound there. A lambda object whose closure
    /// type is known is called directly. Returns true when that is the whole call; false when the call's own edge
    /// (to `std::function::operator()`, which the compiler calls) is still to be recorded.
    func visitSlotCall(_ call: CXCursor, target: CXCursor, caller: String, site: Site) -> Bool {
        switch target.kind {
        case CXCursor_CXXMethod where target.spelling == "operator()":
            if CursorNaming.isClosureClass(target.semanticParent) {
                guard let at = self.site(at: target.location) else { return true }
                facts.calls.append(CallFact(caller: caller, callee: FunctionID.closure(at: at.location), location: site.location,
                                            kind: .direct, macro: site.macro))
                return true
            }
            guard target.location.isInSystemHeader, let object = call.firstChild.map(Self.unwrap),
                  object.kind == CXCursor_DeclRefExpr || object.kind == CXCursor_MemberRefExpr else { return false }
            let decl = clang_getCursorReferenced(object)
            guard !decl.isNull, let slot = slotID(decl) else { return false }
            facts.calls.append(CallFact(caller: caller, callee: slot, location: site.location, kind: .storedCallback, macro: site.macro))
            // The library's `operator()` is still the call the compiler makes: keep that edge too.
            return false
        case CXCursor_VarDecl, CXCursor_ParmDecl, CXCursor_FieldDecl:
            // A function pointer is a `pointer` call (visitCall); anything else callable is a stored callable.
            var type = clang_getCanonicalType(clang_getCursorType(target))
            if type.kind == CXType_LValueReference || type.kind == CXType_RValueReference {
                type = clang_getCanonicalType(clang_getPointeeType(type))
            }
            guard type.kind != CXType_Pointer, isCallableSlot(target), let slot = slotID(target) else { return false }
            facts.calls.append(CallFact(caller: caller, callee: slot, location: site.location, kind: .storedCallback, macro: site.macro))
            return true
        case CXCursor_NonTypeTemplateParameter:
            guard let slot = templateParameterSlot(target) else { return true }
            facts.calls.append(CallFact(caller: caller, callee: slot, location: site.location, kind: .pointer, macro: site.macro))
            return true
        default:
            return false
        }
    }

    /// A container field filled or drained by a member call: `queue_tasks.push_back(t)`, `queue_tasks.pop_front()`.
    func visitContainerAccess(_ call: CXCursor, target: CXCursor, caller: String, site: Site) {
        guard target.kind == CXCursor_CXXMethod else { return }
        let name = target.spelling
        let role: ContainerAccessFact.Role
        if Self.containerPuts.contains(name) {
            role = .produce
        } else if Self.containerTakes.contains(name) || (name == "erase" && Self.erasesFront(call)) {
            // `queue_tasks.erase(queue_tasks.begin())`: a vector used as a queue gives up its first item (LocalAI's
            // llama_server_queue); an erase by key or position elsewhere takes nothing to hand on.
            role = .consume
        } else {
            return
        }
        guard let member = call.firstChild, member.kind == CXCursor_MemberRefExpr,
              let base = member.firstChild.map(Self.unwrap) else { return }
        let field = clang_getCursorReferenced(base)
        guard field.kind == CXCursor_FieldDecl, clang_getCanonicalType(clang_getCursorType(field)).kind == CXType_Record,
              let id = fieldID(field) else { return }
        facts.containerAccesses.append(ContainerAccessFact(function: caller, container: id, role: role, location: site.location))
    }

    /// `c.erase(c.begin())` (also `cbegin`): the call removes the container's first item.
    static func erasesFront(_ call: CXCursor) -> Bool {
        guard let first = arguments(call).first else { return false }
        var c = first
        for _ in 0..<6 {
            if c.kind == CXCursor_CallExpr {
                let name = clang_getCursorReferenced(c).spelling
                if name == "begin" || name == "cbegin" { return true }
                if arguments(c).count != 1 { return false }
            }
            guard let inner = c.firstChild else { return false }
            c = inner
        }
        return false
    }

    // MARK: - Function-valued template arguments

    /// The slot of a non-type template parameter: `targ:<template>#<position among the template's parameters>`.
    private func templateParameterSlot(_ parameter: CXCursor) -> String? {
        let owner = parameter.semanticParent
        guard CursorNaming.isFunctionLike(owner.kind) || owner.kind == CXCursor_FunctionTemplate,
              let template = remember(owner) else { return nil }
        var position = 0
        for child in Self.children(owner) {
            switch child.kind {
            case CXCursor_TemplateTypeParameter, CXCursor_NonTypeTemplateParameter, CXCursor_TemplateTemplateParameter:
                if clang_equalCursors(child, parameter) != 0 {
                    let slot = FunctionID.templateArgument(template: template.id, index: position)
                    if functions[slot] == nil {
                        functions[slot] = FunctionFact(id: slot, name: "\(template.name)<\(parameter.spelling)>", kind: .variable,
                                                       linkage: .none, location: nil, isDefinition: false)
                    }
                    return slot
                }
                position += 1
            default:
                continue
            }
        }
        return nil
    }

    /// For a function named inside `name<…>` of a called function-template specialization: the slot of the
    /// template parameter it is the argument of. The k-th function named among the template-id's children is
    /// the k-th declaration-valued argument.
    private func templateArgumentSlot(templateID: CXCursor, argumentAt childIndex: Int) -> String? {
        let specialization = clang_getCursorReferenced(templateID)
        guard !specialization.isNull else { return nil }
        let primary = clang_getSpecializedCursorTemplate(specialization)
        guard !primary.isNull, let template = remember(primary) else { return nil }
        let children = Self.children(templateID)
        guard childIndex < children.count else { return nil }
        let functionsBefore = children[..<childIndex].filter {
            $0.kind == CXCursor_DeclRefExpr && CursorNaming.isFunctionLike(clang_getCursorReferenced($0).kind)
        }.count
        let count = clang_Cursor_getNumTemplateArguments(specialization)
        guard count > 0 else { return nil }
        var seen = 0
        for i in 0..<UInt32(count) where clang_Cursor_getTemplateArgumentKind(specialization, i) == CXTemplateArgumentKind_Declaration {
            if seen == functionsBefore { return FunctionID.templateArgument(template: template.id, index: Int(i)) }
            seen += 1
        }
        return nil
    }
}
