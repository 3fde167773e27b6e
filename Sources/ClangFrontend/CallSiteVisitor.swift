import CClang
import SinkmapCore

/// Walks one parsed translation unit and records every function definition and call site in it, plus what
/// indirect calls need resolving later (overrides, stored function addresses, template instantiations).
/// One `visit…` method per form (clang's CallGraph does the same): definitions, lambdas and blocks open a
/// context, file-scope variables open the unit's initializer context, and calls are recorded against the
/// innermost context.
final class CallSiteVisitor {
    let tu: CXTranslationUnit
    let mainFile: String
    let paths: PathResolver
    let naming: CursorNaming
    var facts: TranslationUnitFacts
    var functions: [String: FunctionFact] = [:]
    /// Function definitions with their body extents, for name recovery in units that had errors.
    var definitions: [(id: String, extent: CXSourceRange, cursor: CXCursor)] = []
    /// Raw (file, offset) of every callee name already resolved through the AST.
    var resolvedNameOffsets: Set<FileOffset> = []
    var lambdaCounts: [String: Int] = [:]
    /// Endpoint flows already recorded (one per function, value and destination).
    var endpointFlowsSeen: Set<EndpointFlowKey> = []
    var destructorCache: [String: CXCursor?] = [:]
    /// Registrations whose handler is a lambda not visited yet, by the lambda's position (see `+Entries`).
    var pendingRegistrations: [FileOffset: PendingRegistration] = [:]
    /// Lambdas handed to a thread or `std::async` and not visited yet: the spawner and the call.
    var pendingSpawns: [FileOffset: (spawner: String, site: Site)] = [:]
    /// Lambdas kept in a local variable, by the variable's USR: `auto handle = [&](…){…}; svr.Post("/x", handle)`.
    var closureByVariable: [String: String] = [:]
    var publicDeclarations: Set<String> = []
    /// Whether a class holds a callable (`std::function`, a closure, a container of those), by declaration hash.
    var callableClasses: [UInt32: (declaration: CXCursor, callable: Bool)] = [:]
    var streamReads: Set<StreamReadFact> = []
    /// Raw paths of the files this unit reported errors in: where a class's declaration is read back from its tokens
    /// (framework macros that were not expanded, bases whose headers are missing).
    var filesWithErrors: Set<String> = []
    /// Flow facts of the functions and lambdas defined in this unit, by id (see `+Flow`).
    var flowBuilders: [String: FlowBuilder] = [:]
    /// Declaration keys of locals and parameters, by cursor hash.
    var declarationKeys: [UInt32: [(CXCursor, String)]] = [:]
    /// The call site `visitCall` found for the call being visited.
    var lastCallSite: Site?

    /// One ancestor of the cursor being visited. `index` is its position among its parent's children; the
    /// child bookkeeping lets a function reference know where its address is going.
    struct Frame {
        var cursor: CXCursor
        var kind: CXCursorKind
        var context: String?
        var index: Int
        var childCount = 0
        var firstChild: CXCursor?
        var lastMemberRef: CXCursor?
        /// For a call: its index among its function's flow calls.
        var flowCall: Int32 = -1
        /// For a binary operator: whether it is `=` (-1: not known yet), and the value its left side names.
        var assignment: Int8 = -1
        var assignTarget: Int32 = -1
    }
    var stack: [Frame] = []

    struct FileOffset: Hashable { var file: String; var offset: Int }

    init(tu: CXTranslationUnit, mainFile: String, paths: PathResolver, naming: CursorNaming) {
        self.tu = tu
        self.mainFile = mainFile
        self.paths = paths
        self.naming = naming
        self.facts = TranslationUnitFacts(file: mainFile)
    }

    func run() {
        let root = clang_getTranslationUnitCursor(tu)
        stack = [Frame(cursor: root, kind: CXCursor_TranslationUnit, context: nil, index: 0)]
        let me = Unmanaged.passRetained(self)
        defer { me.release() }
        _ = clang_visitChildren(root, { cursor, parent, data in
            Unmanaged<CallSiteVisitor>.fromOpaque(data!).takeUnretainedValue().step(cursor, parent)
        }, me.toOpaque())
    }

    private func step(_ cursor: CXCursor, _ parent: CXCursor) -> CXChildVisitResult {
        if let k = stack.lastIndex(where: { clang_equalCursors($0.cursor, parent) != 0 }) {
            stack.removeLast(stack.count - 1 - k)
        } else {
            // libclang sometimes reports a parent it never visited (the implicit copy of a lambda capture).
            // Keep the ancestors that enclose this cursor and stand the unseen parent on top of them, so the
            // calls below it stay in the right function.
            while stack.count > 1, !Self.encloses(stack[stack.count - 1].cursor, cursor) { stack.removeLast() }
            let under = stack[stack.count - 1]
            stack.append(Frame(cursor: parent, kind: parent.kind, context: under.context, index: under.childCount))
            stack[stack.count - 2].childCount += 1
        }
        let kind = cursor.kind
        let top = stack.count - 1
        let index = stack[top].childCount
        stack[top].childCount += 1
        if index == 0 { stack[top].firstChild = cursor }
        if kind == CXCursor_MemberRef { stack[top].lastMemberRef = cursor }

        // Code in system headers is not the project's: its bodies are never walked.
        if cursor.location.isInSystemHeader { return CXChildVisit_Continue }
        var context = stack[top].context
        var flowCallIndex: Int32 = -1

        switch kind {
        case CXCursor_FunctionDecl, CXCursor_CXXMethod, CXCursor_Constructor, CXCursor_Destructor,
             CXCursor_ConversionFunction, CXCursor_FunctionTemplate:
            if kind == CXCursor_CXXMethod || kind == CXCursor_Destructor { visitMethodDeclaration(cursor) }
            visitPublicDeclaration(cursor)
            if cursor.isDefinition {
                context = visitFunctionDefinition(cursor)
                if let id = context { beginFlow(cursor, id: id, enclosing: nil) }
            }
        case CXCursor_VarDecl:
            if context == nil {
                context = FunctionID.initializer(file: mainFile)
            } else if let caller = context {
                visitLocalVariable(cursor, caller: caller)
            }
        case CXCursor_LambdaExpr, CXCursor_BlockExpr:
            if let caller = context {
                context = visitClosure(cursor, kind: kind, enclosing: caller, index: index)
                if let id = context, let at = site(at: cursor.location)?.location {
                    flowClosure(cursor, id: id, context: caller, index: index, at: at)
                    beginFlow(cursor, id: id, enclosing: caller)
                }
            }
        case CXCursor_CallExpr:
            if let caller = context {
                lastCallSite = nil
                visitCall(cursor, caller: caller)
                if let site = lastCallSite { flowCallIndex = flowCall(cursor, context: caller, index: index, site: site) }
            }
            visitStringResult(cursor, context: context, index: index)
        case CXCursor_CXXDeleteExpr:
            if let caller = context { visitDelete(cursor, caller: caller) }
        case CXCursor_StringLiteral:
            visitStringLiteral(cursor, context: context, index: index)
        case CXCursor_DeclRefExpr, CXCursor_MemberRefExpr:
            visitReference(cursor, index: index, context: context)
            if kind == CXCursor_DeclRefExpr, let caller = context { visitStreamRead(cursor, caller: caller) }
            if let caller = context {
                if kind == CXCursor_DeclRefExpr { flowReference(cursor, context: caller, index: index) } else { flowMember(cursor, context: caller, index: index) }
            }
        case CXCursor_CXXThisExpr:
            if let caller = context { flowThis(cursor, context: caller, index: index) }
        case CXCursor_ClassDecl, CXCursor_StructDecl:
            if cursor.isDefinition, !filesWithErrors.isEmpty { visitClassWithErrors(cursor) }
        case CXCursor_NamespaceAlias, CXCursor_UsingDeclaration, CXCursor_TypedefDecl, CXCursor_TypeAliasDecl:
            if context == nil { visitAlias(cursor) }
        default:
            break
        }
        var frame = Frame(cursor: cursor, kind: kind, context: context, index: index)
        frame.flowCall = flowCallIndex
        stack.append(frame)
        return CXChildVisit_Recurse
    }

    /// Whether `outer`'s extent contains `inner`'s location (same file, by offset).
    static func encloses(_ outer: CXCursor, _ inner: CXCursor) -> Bool {
        let range = outer.extent
        guard let start = clang_getRangeStart(range).expansion, let end = clang_getRangeEnd(range).expansion,
              let at = inner.location.expansion, start.path == at.path else { return false }
        return start.offset <= at.offset && at.offset <= end.offset
    }

    /// The facts gathered, sorted where order is free.
    func finish() -> TranslationUnitFacts {
        var f = facts
        f.calls = boundToStatics(f.calls)
        // A by-name node every call of which was bound to a function of the unit is no node at all.
        let called = Set(f.calls.map(\.callee))
        f.functions = functions.values.filter { $0.kind != .unresolved || called.contains($0.id) }.sorted { $0.id < $1.id }
        f.publicDeclarations = publicDeclarations.sorted()
        f.streamReads = streamReads.sorted { ($0.function, $0.stream) < ($1.function, $1.stream) }
        f.flows = flowBuilders.values.map(\.fact).filter { !$0.calls.isEmpty || !$0.edges.isEmpty }.sorted { $0.function < $1.function }
        return f
    }

    /// A call known by its name only (recovered from a unit with errors, or an implicit declaration) whose name is a
    /// function with internal linkage defined in this unit is a call of that function: a `static` (or a function in
    /// an anonymous namespace) is visible only in its own unit, so no other function of the program can be meant. The
    /// one defined in the call's own file wins; otherwise the unit's only one. The call keeps its kind
    /// (`unresolved`): it was found by name.
    private func boundToStatics(_ calls: [CallFact]) -> [CallFact] {
        var statics: [String: [FunctionFact]] = [:]
        for f in functions.values where f.linkage == .internal && f.isDefinition && f.kind != .lambda && f.kind != .block {
            var name = f.name
            while name.hasPrefix("(anonymous namespace)::") { name.removeFirst("(anonymous namespace)::".count) }
            statics[name, default: []].append(f)
        }
        guard !statics.isEmpty else { return calls }
        return calls.map { call in
            guard call.kind == .unresolved, FunctionID.bindsByName(call.callee),
                  let name = FunctionID.unresolvedName(call.callee), let candidates = statics[name] else { return call }
            let here = candidates.filter { $0.location?.file == call.location.file }
            guard let target = here.count == 1 ? here[0] : candidates.count == 1 ? candidates[0] : nil else { return call }
            var bound = call
            bound.callee = target.id
            return bound
        }
    }

    // MARK: - Definitions

    private func visitFunctionDefinition(_ cursor: CXCursor) -> String? {
        guard let fact = functionFact(cursor, isDefinition: true) else { return nil }
        if functions[fact.id]?.isDefinition != true { functions[fact.id] = fact }
        definitions.append((fact.id, cursor.extent, cursor))
        visitHandlerDefinition(cursor, id: fact.id)
        return fact.id
    }

    /// Records which base methods a virtual method overrides (for class-hierarchy analysis).
    private func visitMethodDeclaration(_ cursor: CXCursor) {
        guard clang_CXXMethod_isVirtual(cursor) != 0 else { return }
        var overridden: UnsafeMutablePointer<CXCursor>?
        var count: UInt32 = 0
        clang_getOverriddenCursors(cursor, &overridden, &count)
        guard let overridden, count > 0 else { return }
        defer { clang_disposeOverriddenCursors(overridden) }
        guard let method = remember(cursor) else { return }
        for i in 0..<Int(count) {
            if let base = remember(overridden[i]) {
                facts.overrides.append(OverrideFact(method: method.id, overridden: base.id))
            }
        }
    }

    func ensureInitializer(_ id: String) {
        guard id.hasPrefix("init:"), functions[id] == nil else { return }
        functions[id] = FunctionFact(id: id, name: FunctionID.initializerName(file: mainFile), kind: .initializer,
                                     linkage: .none, location: SourceLocation(file: mainFile, line: 1, column: 1),
                                     isDefinition: true)
    }

    /// Records a function this unit refers to (declaration or definition) and returns its fact.
    @discardableResult
    func remember(_ cursor: CXCursor) -> FunctionFact? {
        guard let fact = functionFact(cursor, isDefinition: false) else { return nil }
        if let existing = functions[fact.id] {
            if existing.signature == nil && fact.signature != nil { functions[fact.id]?.signature = fact.signature }
        } else {
            functions[fact.id] = fact
        }
        return functions[fact.id]
    }

    // MARK: - Facts

    func functionFact(_ cursor: CXCursor, isDefinition: Bool) -> FunctionFact? {
        let usr = cursor.usr
        let declaration = isDefinition ? cursor : Self.bestDeclaration(cursor)
        guard let where_ = declaration.location.expansion else { return nil }
        let file = paths.display(where_.path)
        let location = SourceLocation(file: file, line: where_.line, column: where_.column)
        let kind = CursorNaming.functionKind(cursor)
        var name = naming.qualifiedName(cursor)
        if CursorNaming.isFunctionLike(cursor.kind), !declaration.location.isInSystemHeader {
            name = explicitSpecializationName(cursor) ?? name
        }
        var linkage = CursorNaming.linkage(cursor)
        let id: String
        switch kind {
        case .field:
            linkage = .none
            id = usr.isEmpty ? FunctionID.unresolved(name: name) : usr
        case .variable:
            id = variableID(cursor, file: file)
            name = slotName(cursor)
            linkage = .none
        default:
            guard !usr.isEmpty else { return nil }
            // Every executable in a repository has its own `main`: one per defining file, never merged.
            let isMain = name == "main" && kind == .function
            id = linkage == .external && !isMain ? FunctionID.external(usr: usr) : FunctionID.internal(usr: usr, file: file)
        }
        return FunctionFact(id: id, name: name, kind: kind, linkage: linkage, location: location,
                            isDefinition: isDefinition || declaration.isDefinition,
                            isSystem: declaration.location.isInSystemHeader, signature: Self.signature(cursor))
    }

    /// An explicit specialization is named with its arguments (`Backend<LlamaCtx>::run`, `evaluate<LlamaCtx>`):
    /// it is a body of its own beside the template's.
    func explicitSpecializationName(_ cursor: CXCursor) -> String? {
        let primary = clang_getSpecializedCursorTemplate(cursor)
        guard !primary.isNull, CursorNaming.isFunctionLike(primary.kind), Self.isExplicitSpecialization(cursor, of: primary) else { return nil }
        let name = naming.qualifiedName(cursor)
        let owner = cursor.semanticParent
        if owner.kind == CXCursor_ClassDecl || owner.kind == CXCursor_StructDecl {
            let ownerName = naming.qualifiedName(owner)
            let arguments = typeArguments(owner)
            if !arguments.isEmpty, name.hasPrefix(ownerName + "::") {
                return ownerName + "<" + arguments.joined(separator: ", ") + ">" + name.dropFirst(ownerName.count)
            }
        }
        let arguments = typeArguments(cursor)
        return arguments.isEmpty ? nil : name + "<" + arguments.joined(separator: ", ") + ">"
    }

    /// Identity of a function-pointer variable: parameters by owner and position (so a prototype's and a
    /// definition's parameter agree), globals by USR, locals by USR and file.
    func variableID(_ cursor: CXCursor, file: String) -> String {
        if cursor.kind == CXCursor_ParmDecl {
            let owner = cursor.semanticParent
            if CursorNaming.isFunctionLike(owner.kind), let ownerID = functionFact(owner, isDefinition: false)?.id {
                // The parameter's position among the owner's parameters. Walking the children works for function
                // templates too (clang_Cursor_getNumArguments gives -1 there); the ids must be stable across runs.
                let parameters = Self.children(owner).filter { $0.kind == CXCursor_ParmDecl }
                if let position = parameters.firstIndex(where: { clang_equalCursors($0, cursor) != 0 }) {
                    return FunctionID.parameter(function: ownerID, index: position)
                }
                let spelled = cursor.spelling
                return FunctionID.parameter(function: ownerID, index: -1) + ":" + (spelled.isEmpty ? "?" : spelled)
            }
        }
        let usr = cursor.usr
        if clang_getCursorLinkage(cursor) == CXLinkage_External, !usr.isEmpty { return usr }
        return FunctionID.internal(usr: usr.isEmpty ? "var:\(cursor.spelling)" : usr, file: file)
    }

    /// Canonical function type of a function, or of the function a pointer-typed variable or field points to.
    static func signature(_ cursor: CXCursor) -> String? {
        var type = clang_getCanonicalType(clang_getCursorType(cursor))
        switch cursor.kind {
        case CXCursor_FieldDecl, CXCursor_VarDecl, CXCursor_ParmDecl:
            guard type.kind == CXType_Pointer else { return nil }
            type = clang_getCanonicalType(clang_getPointeeType(type))
        default:
            break
        }
        guard type.kind == CXType_FunctionProto || type.kind == CXType_FunctionNoProto else { return nil }
        return clang_getTypeSpelling(type).consume()
    }

    /// The definition when this unit has it, else the canonical declaration.
    static func bestDeclaration(_ cursor: CXCursor) -> CXCursor {
        let def = clang_getCursorDefinition(cursor)
        if !def.isNull { return def }
        return clang_getCanonicalCursor(cursor)
    }
}
