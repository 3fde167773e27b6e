import CClang
import SinkmapCore

extension CallSiteVisitor {
    struct Site {
        var location: SourceLocation
        var macro: String?
    }

    // MARK: - Calls

    func visitCall(_ call: CXCursor, caller: String) {
        ensureInitializer(caller)
        let calleeExpr = call.firstChild
        let nameCursor = calleeExpr.map(Self.unwrap) ?? call
        guard let site = callSiteLocation(call, nameCursor: nameCursor) else { return }
        lastCallSite = site

        var referenced = clang_getCursorReferenced(call)
        // `(*fp)(x)`: the call names no declaration, the dereferenced pointer does.
        if referenced.isNull, nameCursor.kind == CXCursor_DeclRefExpr || nameCursor.kind == CXCursor_MemberRefExpr {
            referenced = clang_getCursorReferenced(nameCursor)
        }
        // A dependent call inside a template names an overload set, resolved only at instantiation.
        if let overloads = overloadSet(referenced: referenced, nameCursor: nameCursor) {
            visitOverloadSet(overloads, call: call, caller: caller, site: site)
            return
        }
        if referenced.isNull {
            visitUnresolvedCall(call, calleeExpr: nameCursor, caller: caller, site: site)
            return
        }
        var target = referenced
        // Calls to template specializations are edges to the template: it owns the body that was written.
        let primary = clang_getSpecializedCursorTemplate(target)
        if !primary.isNull, CursorNaming.isFunctionLike(primary.kind) {
            recordInstantiation(specialization: referenced, template: primary)
            // An explicit specialization (`template<> int Backend<LlamaCtx>::run()`) has a body of its own.
            if !Self.isExplicitSpecialization(referenced, of: primary) { target = primary }
        } else if target.kind == CXCursor_CXXMethod || target.kind == CXCursor_Constructor || target.kind == CXCursor_Destructor {
            recordClassInstantiation(method: referenced)
        }

        // Calls through a callable held in a slot, and calls of lambda objects.
        if visitSlotCall(call, target: target, caller: caller, site: site) { return }

        let kind: CallKind
        switch target.kind {
        case CXCursor_FieldDecl:
            kind = .field
        case CXCursor_VarDecl, CXCursor_ParmDecl:
            kind = .pointer
        case CXCursor_Constructor:
            kind = .constructor
        case CXCursor_CXXMethod where clang_CXXMethod_isVirtual(target) != 0 && nameCursor.kind == CXCursor_MemberRefExpr
                                        && !isQualifiedMemberCall(nameCursor) && !isCalledOnObject(nameCursor):
            kind = .virtual
        default:
            guard CursorNaming.isFunctionLike(target.kind) else {
                visitUnresolvedCall(call, calleeExpr: nameCursor, caller: caller, site: site)
                return
            }
            // Calling a lambda object is already covered by the edge that created the lambda.
            if CursorNaming.isClosureClass(target.semanticParent) { return }
            kind = Self.isOperatorName(target.spelling) ? .operator : .direct
        }
        // A C call to an undeclared function gets an implicit declaration at the call itself: that is a name,
        // not a resolution.
        if target.kind == CXCursor_FunctionDecl, isImplicitDeclaration(target, within: call) {
            record(caller: caller, calleeName: target.spelling, site: site, kind: .unresolved)
            return
        }
        guard let fact = remember(target) else { return }
        var written: String?
        if nameCursor.kind == CXCursor_MemberRefExpr, let w = writtenName(nameCursor, member: target), w != fact.name {
            written = w
        }
        facts.calls.append(CallFact(caller: caller, callee: fact.id, location: site.location, kind: kind,
                                    macro: site.macro, writtenAs: written,
                                    constantArguments: fact.isSystem && Self.allArgumentsAreLiterals(call)))
        visitRegistration(call, callee: fact, caller: caller, site: site)
        visitContainerAccess(call, target: target, caller: caller, site: site)
        if fact.isSystem { visitGenericConstruction(call, referenced: referenced, caller: caller, site: site) }
    }

    /// At least one argument, and every one a literal under implicit conversions (`system("ffmpeg -version")`).
    static func allArgumentsAreLiterals(_ call: CXCursor) -> Bool {
        let arguments = Self.arguments(call)
        guard !arguments.isEmpty else { return false }
        return arguments.allSatisfy { argument in
            switch unwrap(argument).kind {
            case CXCursor_StringLiteral, CXCursor_IntegerLiteral, CXCursor_CharacterLiteral, CXCursor_CXXNullPtrLiteralExpr,
                 CXCursor_FloatingLiteral, CXCursor_CXXBoolLiteralExpr:
                return true
            default:
                return false
            }
        }
    }

    /// Whether a called specialization is an explicit one, declared apart from its template: its declaration (or
    /// definition) is somewhere the primary template's is not. An implicit instantiation sits where the template is.
    static func isExplicitSpecialization(_ specialization: CXCursor, of primary: CXCursor) -> Bool {
        func at(_ c: CXCursor) -> FileOffset? {
            guard !c.isNull, let e = c.location.expansion else { return nil }
            return FileOffset(file: e.path, offset: e.offset)
        }
        let templatePlaces = Set([primary, clang_getCursorDefinition(primary), clang_getCanonicalCursor(primary)].compactMap(at))
        guard let declared = at(specialization), !templatePlaces.contains(declared) else { return false }
        let definition = clang_getCursorDefinition(specialization)
        return definition.isNull || at(definition).map { !templatePlaces.contains($0) } ?? false
    }

    /// `std::make_unique<T>(…)`, `std::make_shared<T>(…)` and `items.emplace_back(…)` construct a `T` inside the
    /// library: an edge to `T`'s constructors that take that many arguments.
    private func visitGenericConstruction(_ call: CXCursor, referenced: CXCursor, caller: String, site: Site) {
        for c in constructedBy(call, referenced: referenced) {
            let primary = clang_getSpecializedCursorTemplate(c)
            guard let fact = remember(primary.isNull ? c : primary) else { continue }
            facts.calls.append(CallFact(caller: caller, callee: fact.id, location: site.location, kind: .constructor, macro: site.macro))
        }
    }

    /// The project constructors a generic construction (`std::make_unique<T>(…)`, `items.emplace_back(…)`) may
    /// run: `T`'s constructors that take that many arguments (else those that take more, with defaults).
    func constructedBy(_ call: CXCursor, referenced: CXCursor) -> [CXCursor] {
        let name = referenced.spelling
        var constructed: CXType?
        if ["make_unique", "make_shared", "allocate_shared", "make_unique_for_overwrite"].contains(name),
           clang_Cursor_getNumTemplateArguments(referenced) > 0,
           clang_Cursor_getTemplateArgumentKind(referenced, 0) == CXTemplateArgumentKind_Type {
            constructed = clang_Cursor_getTemplateArgumentType(referenced, 0)
        } else if ["emplace_back", "emplace_front"].contains(name), let member = call.firstChild,
                  member.kind == CXCursor_MemberRefExpr, let base = member.firstChild.map(Self.unwrap) {
            var container = clang_getCanonicalType(clang_getCursorType(base))
            if container.kind == CXType_Pointer { container = clang_getCanonicalType(clang_getPointeeType(container)) }
            if clang_Type_getNumTemplateArguments(container) > 0 { constructed = clang_Type_getTemplateArgumentAsType(container, 0) }
        }
        guard let type = constructed.map(clang_getCanonicalType), type.kind == CXType_Record else { return [] }
        let declaration = clang_getTypeDeclaration(type)
        guard !declaration.isNull, !declaration.location.isInSystemHeader else { return [] }
        let given = Int(max(0, clang_Cursor_getNumArguments(call))) - (name == "allocate_shared" ? 1 : 0)
        var constructors = Self.children(declaration).filter { $0.kind == CXCursor_Constructor }
        if constructors.isEmpty {
            let pattern = clang_getSpecializedCursorTemplate(declaration)
            if !pattern.isNull { constructors = Self.children(pattern).filter { $0.kind == CXCursor_Constructor } }
        }
        let exact = constructors.filter { Int(clang_Cursor_getNumArguments($0)) == given }
        return exact.isEmpty ? constructors.filter { Int(clang_Cursor_getNumArguments($0)) > given } : exact
    }

    /// No declaration behind the call (dependent code, or recovery after an error): keep the spelled name, or
    /// for `param.member(...)` on a template type parameter, a dependent call resolved per instantiation.
    func visitUnresolvedCall(_ call: CXCursor, calleeExpr: CXCursor, caller: String, site: Site) {
        if calleeExpr.kind == CXCursor_MemberRefExpr, let index = templateParameterIndex(ofReceiverOf: calleeExpr) {
            let member = calleeExpr.spelling.isEmpty ? lastIdentifier(in: calleeExpr) : calleeExpr.spelling
            if !member.isEmpty {
                facts.dependentCalls.append(DependentCallFact(caller: caller, parameterIndex: index, member: member,
                                                              location: site.location, macro: site.macro))
                return
            }
        }
        var name = call.spelling
        if name.isEmpty { name = calleeExpr.spelling }
        // Dependent member calls spell nothing: the member is the last identifier written.
        if name.isEmpty, calleeExpr.kind == CXCursor_MemberRefExpr { name = lastIdentifier(in: calleeExpr) }
        // `member(x)` on the implicit `this` of a class template: the enclosing class's member of that name
        // (bound to it when the program defines exactly one).
        var member = false
        if !name.isEmpty, !name.contains("::"), calleeExpr.kind == CXCursor_MemberRefExpr {
            if hasImplicitThis(calleeExpr),
               let owner = stack.reversed().first(where: { [CXCursor_ClassTemplate, CXCursor_ClassDecl, CXCursor_StructDecl,
                                                             CXCursor_ClassTemplatePartialSpecialization].contains($0.kind) }) {
                name = naming.qualifiedName(owner.cursor) + "::" + name
            } else if let type = receiverClassName(calleeExpr) {
                // `obj.method(bad)` on an object of a known class: that class's member.
                name = type + "::" + name
            } else {
                // `this->model.decode(b)` with `model` of a dependent or unknown type: some class's `decode`, never the
                // free function `decode`.
                member = true
            }
        }
        guard !name.isEmpty, Self.isIdentifierLike(name) else { return }
        record(caller: caller, calleeName: name, site: site, kind: .unresolved, member: member)
    }

    /// The class of a member call's receiver when its type is known and not dependent (`Ort::Session` for
    /// `session.Run(…)`); nil for a template parameter, a dependent or an invalid type.
    private func receiverClassName(_ member: CXCursor) -> String? {
        guard let base = member.firstChild.map(Self.unwrap), base.kind != CXCursor_MemberRef else { return nil }
        // `server_ctx_map[id].initialize()` with `id` of a missing type: an element of a standard container field or
        // variable whose element type is known.
        if base.kind == CXCursor_CallExpr || base.kind == CXCursor_ArraySubscriptExpr,
           let container = base.firstChild.map(Self.unwrap),
           container.kind == CXCursor_MemberRefExpr || container.kind == CXCursor_DeclRefExpr {
            let declaration = clang_getCursorReferenced(container)
            if !declaration.isNull, let element = elementClassName(clang_getCursorType(declaration)) { return element }
        }
        var type = clang_getCanonicalType(clang_getCursorType(base))
        if type.kind == CXType_Pointer || type.kind == CXType_LValueReference || type.kind == CXType_RValueReference {
            type = clang_getCanonicalType(clang_getPointeeType(type))
        }
        guard type.kind == CXType_Record else { return nil }
        let declaration = clang_getTypeDeclaration(type)
        guard !declaration.isNull, clang_getSpecializedCursorTemplate(declaration).isNull else { return nil }
        let name = naming.qualifiedName(declaration)
        return name.isEmpty || name.contains("(") ? nil : name
    }

    /// The overload set a call names, if it names one (directly, or under the empty `DeclRefExpr` libclang
    /// puts around it).
    func overloadSet(referenced: CXCursor, nameCursor: CXCursor) -> CXCursor? {
        if !referenced.isNull, referenced.kind == CXCursor_OverloadedDeclRef { return referenced }
        if nameCursor.kind == CXCursor_OverloadedDeclRef { return nameCursor }
        if nameCursor.kind == CXCursor_DeclRefExpr, nameCursor.spelling.isEmpty,
           let inner = nameCursor.firstChild, inner.kind == CXCursor_OverloadedDeclRef {
            return inner
        }
        return nil
    }

    /// One candidate: a direct call to it. Several: an edge to each, kind `template` (which one runs depends
    /// on the instantiation) — except candidates the call's arguments already rule out (`viable`).
    private func visitOverloadSet(_ overloads: CXCursor, call: CXCursor, caller: String, site: Site) {
        let n = clang_getNumOverloadedDecls(overloads)
        var candidates = (0..<n).map { clang_getOverloadedDecl(overloads, $0) }.filter { CursorNaming.isFunctionLike($0.kind) }
        if candidates.count > 1 {
            let arguments = Self.arguments(call)
            let viable = candidates.filter { Self.viable($0, arguments: arguments) }
            if !viable.isEmpty { candidates = viable }
        }
        guard !candidates.isEmpty else {
            // No candidate at all (libclang 19 keeps `whisper_init(p)` of an undeclared function as an empty lookup): the
            // name as written.
            let name = n > 0 ? naming.qualifiedName(clang_getOverloadedDecl(overloads, 0)) : overloads.spelling
            if !name.isEmpty, Self.isIdentifierLike(name) { record(caller: caller, calleeName: name, site: site, kind: .unresolved) }
            return
        }
        let kind: CallKind = candidates.count == 1 ? .direct : .template
        var seen = Set<String>()
        for candidate in candidates {
            guard let fact = remember(candidate), seen.insert(fact.id).inserted else { continue }
            facts.calls.append(CallFact(caller: caller, callee: fact.id, location: site.location, kind: kind, macro: site.macro))
        }
    }

    /// Whether a candidate of a dependent call can take its arguments, judged only where no instantiation can
    /// change the answer: a plain function (not a template) given more arguments than it has parameters (and no
    /// `...`), or given a pointer to a record type where it takes a pointer to another record type, when the given
    /// record has no base class (`common_token_to_piece(ctx, *it)`: `llama_context *` never converts to
    /// `const llama_vocab *`; a record only declared here counts as having none — C APIs' opaque handles). Anything
    /// dependent keeps the candidate.
    static func viable(_ candidate: CXCursor, arguments: [CXCursor]) -> Bool {
        guard candidate.kind == CXCursor_FunctionDecl || candidate.kind == CXCursor_CXXMethod else { return true }
        let count = Int(clang_Cursor_getNumArguments(candidate))
        guard count >= 0 else { return true }
        let type = clang_getCursorType(candidate)
        if arguments.count > count, clang_isFunctionTypeVariadic(type) == 0 { return false }
        for (i, argument) in arguments.prefix(count).enumerated() {
            let given = clang_getCanonicalType(clang_getCursorType(argument))
            let taken = clang_getCanonicalType(clang_getCursorType(clang_Cursor_getArgument(candidate, UInt32(i))))
            guard given.kind == CXType_Pointer, taken.kind == CXType_Pointer else { continue }
            let from = clang_getCanonicalType(clang_getPointeeType(given)), to = clang_getCanonicalType(clang_getPointeeType(taken))
            guard from.kind == CXType_Record, to.kind == CXType_Record else { continue }
            let fromDecl = clang_getTypeDeclaration(from), toDecl = clang_getTypeDeclaration(to)
            guard !fromDecl.isNull, !toDecl.isNull, clang_equalCursors(clang_getCanonicalCursor(fromDecl), clang_getCanonicalCursor(toDecl)) == 0,
                  clang_getSpecializedCursorTemplate(fromDecl).isNull, clang_getSpecializedCursorTemplate(toDecl).isNull
            else { continue }
            let definition = clang_getCursorDefinition(fromDecl)
            let hasBase = !definition.isNull && Self.children(definition).contains { $0.kind == CXCursor_CXXBaseSpecifier }
            if !hasBase { return false }
        }
        return true
    }

    /// `member(...)` written without an object (or on `this`) inside a class.
    private func hasImplicitThis(_ member: CXCursor) -> Bool {
        guard let base = member.firstChild else { return true }
        return base.kind == CXCursor_CXXThisExpr || (base.kind == CXCursor_UnexposedExpr && base.firstChild?.kind == CXCursor_CXXThisExpr)
    }

    /// A call known by name only. `member`: a member called on a value of unknown or dependent type, which never
    /// stands for the free function of that name (`FunctionID.unresolvedMember`).
    func record(caller: String, calleeName: String, site: Site, kind: CallKind, member: Bool = false) {
        let id = member ? FunctionID.unresolvedMember(name: calleeName) : FunctionID.unresolved(name: calleeName)
        if functions[id] == nil {
            functions[id] = FunctionFact(id: id, name: calleeName, kind: .unresolved, linkage: .none,
                                         location: nil, isDefinition: false)
        }
        facts.calls.append(CallFact(caller: caller, callee: id, location: site.location, kind: kind, macro: site.macro))
    }

    /// Where the call is written: the callee's name (member name for `a->f()`), at the macro's use site when
    /// the call came from a macro expansion.
    func callSiteLocation(_ call: CXCursor, nameCursor: CXCursor) -> Site? {
        let loc = (nameCursor.kind == CXCursor_MemberRefExpr || nameCursor.kind == CXCursor_DeclRefExpr
                   || nameCursor.kind == CXCursor_OverloadedDeclRef) ? nameCursor.location : call.location
        return site(at: loc)
    }

    func site(at loc: CXSourceLocation) -> Site? {
        guard let expansion = loc.expansion else { return nil }
        var macro: String?
        var written = expansion
        if let spelling = loc.spelling, spelling.path != expansion.path || spelling.offset != expansion.offset {
            macro = tokenSpelling(at: loc)
            // Written by the user inside the macro's arguments (after its name, same file): point there.
            if spelling.path == expansion.path && spelling.offset > expansion.offset { written = spelling }
        }
        resolvedNameOffsets.insert(FileOffset(file: expansion.path, offset: expansion.offset))
        // A call inside a macro argument is written at its spelling location: name recovery must see it there.
        if let spelling = loc.spelling { resolvedNameOffsets.insert(FileOffset(file: spelling.path, offset: spelling.offset)) }
        return Site(location: SourceLocation(file: paths.display(written.path), line: written.line,
                                             column: written.column), macro: macro)
    }

    /// The macro name at a macro-expanded location: the first token at its expansion point.
    private func tokenSpelling(at loc: CXSourceLocation) -> String? {
        var file: CXFile?
        var line: UInt32 = 0, column: UInt32 = 0, offset: UInt32 = 0
        clang_getExpansionLocation(loc, &file, &line, &column, &offset)
        guard let file else { return nil }
        let start = clang_getLocationForOffset(tu, file, offset)
        guard let first = sourceTokens(tu, clang_getRange(start, start)).first, !first.text.isEmpty else { return nil }
        return first.text
    }

    private func isImplicitDeclaration(_ decl: CXCursor, within call: CXCursor) -> Bool {
        guard let d = decl.location.expansion, let start = clang_getRangeStart(call.extent).expansion,
              let end = clang_getRangeEnd(call.extent).expansion else { return false }
        return d.path == start.path && d.offset >= start.offset && d.offset <= end.offset
    }

    /// `Base::method()` written with a qualifier is a non-virtual call even on a virtual method.
    private func isQualifiedMemberCall(_ member: CXCursor) -> Bool {
        let range = clang_getCursorReferenceNameRange(member, CXNameRange_WantQualifier.rawValue, 0)
        guard let start = clang_getRangeStart(range).expansion, let name = member.location.expansion else { return false }
        return start.offset < name.offset
    }

    /// `obj.method()` on a variable holding an object (not a reference or pointer) has one possible target.
    private func isCalledOnObject(_ member: CXCursor) -> Bool {
        guard let base = member.firstChild.map(Self.unwrap), base.kind == CXCursor_DeclRefExpr else { return false }
        let decl = clang_getCursorReferenced(base)
        guard decl.kind == CXCursor_VarDecl || decl.kind == CXCursor_ParmDecl else { return false }
        return clang_getCanonicalType(clang_getCursorType(decl)).kind == CXType_Record
    }

    /// `Receiver::method` with the receiver's static type as written (`Ort::Session` rather than the base
    /// class that declares the method).
    private func writtenName(_ member: CXCursor, member target: CXCursor) -> String? {
        guard let base = member.firstChild.map(Self.unwrap), base.kind != CXCursor_MemberRef else { return nil }
        var type = clang_getCursorType(base)
        if type.kind == CXType_Pointer || type.kind == CXType_LValueReference || type.kind == CXType_RValueReference {
            type = clang_getPointeeType(type)
        }
        let declaration = clang_getTypeDeclaration(type)
        guard !declaration.isNull else { return nil }
        let spelled = CursorNaming.stripTypeSpelling(clang_getTypeSpelling(type).consume())
        guard !spelled.isEmpty, !spelled.contains("(") else { return nil }
        return spelled + "::" + target.spelling
    }

    /// The class of a standard container's elements (a map's mapped type), when it is a known class.
    func elementClassName(_ containerType: CXType) -> String? {
        let type = clang_getCanonicalType(containerType)
        let declaration = clang_getTypeDeclaration(type)
        guard !declaration.isNull, !clang_getSpecializedCursorTemplate(declaration).isNull else { return nil }
        let template = naming.qualifiedName(declaration)
        let index: UInt32
        if ["std::map", "std::unordered_map"].contains(template) { index = 1 }
        else if ["std::vector", "std::deque", "std::array", "std::list"].contains(template) { index = 0 }
        else { return nil }
        var element = clang_getCanonicalType(clang_Type_getTemplateArgumentAsType(type, index))
        if element.kind == CXType_Pointer { element = clang_getCanonicalType(clang_getPointeeType(element)) }
        guard element.kind == CXType_Record else { return nil }
        let elementDeclaration = clang_getTypeDeclaration(element)
        guard !elementDeclaration.isNull else { return nil }
        let name = naming.qualifiedName(elementDeclaration)
        return name.isEmpty || name.contains("(") ? nil : name
    }

    /// The last identifier token of a cursor's extent (`infer` in `model.infer`).
    func lastIdentifier(in cursor: CXCursor) -> String {
        sourceTokens(tu, cursor.extent).last { $0.kind == CXToken_Identifier }?.text ?? ""
    }

    // MARK: - Templates

    /// Type arguments of a called function-template specialization.
    private func recordInstantiation(specialization: CXCursor, template: CXCursor) {
        let args = typeArguments(specialization)
        // A member of a class-template specialization is "specialized" from the template's member, but its
        // arguments are the class's.
        if args.isEmpty { recordClassInstantiation(method: specialization); return }
        guard let t = remember(template) else { return }
        facts.instantiations.append(InstantiationFact(template: t.id, arguments: args))
    }

    /// A call to a member of a class-template specialization instantiates the member with the class's arguments.
    private func recordClassInstantiation(method: CXCursor) {
        let owner = method.semanticParent
        guard owner.kind == CXCursor_ClassDecl || owner.kind == CXCursor_StructDecl else { return }
        let classTemplate = clang_getSpecializedCursorTemplate(owner)
        guard !classTemplate.isNull else { return }
        let args = typeArguments(owner)
        guard !args.isEmpty else { return }
        let primaryMember = clang_getSpecializedCursorTemplate(method)
        let member = primaryMember.isNull ? method : primaryMember
        guard let m = remember(member) else { return }
        facts.instantiations.append(InstantiationFact(template: m.id, arguments: args))
    }

    func typeArguments(_ cursor: CXCursor) -> [String] {
        let n = clang_Cursor_getNumTemplateArguments(cursor)
        if n > 0 {
            return (0..<UInt32(n)).map { i in
                guard clang_Cursor_getTemplateArgumentKind(cursor, i) == CXTemplateArgumentKind_Type else { return "" }
                return typeName(clang_Cursor_getTemplateArgumentType(cursor, i))
            }
        }
        // libclang 14 answers the cursor question for function specializations only; a class specialization's
        // arguments are read from its type (non-type arguments come back invalid and stay empty).
        guard cursor.kind == CXCursor_ClassDecl || cursor.kind == CXCursor_StructDecl else { return [] }
        let type = clang_getCursorType(cursor)
        let count = clang_Type_getNumTemplateArguments(type)
        guard count > 0 else { return [] }
        return (0..<UInt32(count)).map { i in
            let argument = clang_Type_getTemplateArgumentAsType(type, i)
            return argument.kind == CXType_Invalid ? "" : typeName(argument)
        }
    }

    private func typeName(_ type: CXType) -> String {
        let canonical = clang_getCanonicalType(type)
        let decl = clang_getTypeDeclaration(canonical)
        if !decl.isNull { return naming.qualifiedName(decl) }
        return CursorNaming.stripTypeSpelling(clang_getTypeSpelling(canonical).consume())
    }

    /// For `recv.member(...)` inside a template where `recv`'s type is a template type parameter, that
    /// parameter's position in the enclosing template's parameter list.
    private func templateParameterIndex(ofReceiverOf member: CXCursor) -> Int? {
        guard let base = member.firstChild.map(Self.unwrap) else { return nil }
        let decl = clang_getCursorReferenced(base)
        guard !decl.isNull else { return nil }
        var type = clang_getCursorType(decl)
        if type.kind == CXType_Pointer || type.kind == CXType_LValueReference || type.kind == CXType_RValueReference {
            type = clang_getPointeeType(type)
        }
        let spelled = CursorNaming.stripTypeSpelling(clang_getTypeSpelling(type).consume())
        guard !spelled.isEmpty else { return nil }
        // The innermost enclosing template: a function template, or the class template of a member function —
        // found among the ancestors, or (for a member defined outside its class) as the function's own class.
        var templates = stack.reversed().filter { $0.kind == CXCursor_FunctionTemplate || $0.kind == CXCursor_ClassTemplate }.map(\.cursor)
        if templates.isEmpty, let function = stack.reversed().first(where: { CursorNaming.isFunctionLike($0.kind) }),
           function.cursor.semanticParent.kind == CXCursor_ClassTemplate {
            templates = [function.cursor.semanticParent]
        }
        for template in templates {
            var position = 0
            var found: Int?
            for child in Self.children(template) {
                if child.kind == CXCursor_TemplateTypeParameter || child.kind == CXCursor_NonTypeTemplateParameter
                    || child.kind == CXCursor_TemplateTemplateParameter {
                    if child.kind == CXCursor_TemplateTypeParameter && child.spelling == spelled && found == nil { found = position }
                    position += 1
                }
            }
            return found
        }
        return nil
    }

    // MARK: - Helpers

    static func children(_ cursor: CXCursor) -> [CXCursor] {
        final class Box { var items: [CXCursor] = [] }
        let box = Box()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        _ = clang_visitChildren(cursor, { child, _, data in
            Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue().items.append(child)
            return CXChildVisit_Continue
        }, unmanaged.toOpaque())
        return box.items
    }

    /// The expression under implicit casts, parentheses and dereferences (`(*fp)`).
    static func unwrap(_ cursor: CXCursor) -> CXCursor {
        var c = cursor
        var depth = 0
        while (c.kind == CXCursor_UnexposedExpr || c.kind == CXCursor_ParenExpr || c.kind == CXCursor_UnaryOperator),
              depth < 8, let inner = c.firstChild {
            c = inner
            depth += 1
        }
        return c
    }

    static func isOperatorName(_ s: String) -> Bool {
        guard s.hasPrefix("operator"), let next = s.dropFirst(8).first else { return false }
        return !(next.isLetter || next.isNumber || next == "_")
    }

    static func isIdentifierLike(_ s: String) -> Bool {
        s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" || $0 == "~" }
    }
}
