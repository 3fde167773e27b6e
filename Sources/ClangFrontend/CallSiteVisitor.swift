import CClang
import SinkmapCore

/// Walks one parsed translation unit and records every function definition and call site in it.
/// One `visit…` method per form (clang's CallGraph does the same): definitions open a context, file-scope
/// variables open the unit's initializer context, and calls are recorded against the innermost context.
final class CallSiteVisitor {
    private let tu: CXTranslationUnit
    private let mainFile: String
    private let paths: PathResolver
    private let naming: CursorNaming
    private(set) var functions: [String: FunctionFact] = [:]
    private(set) var calls: [CallFact] = []
    /// Function definitions with their body extents, for name recovery in units that had errors.
    private(set) var definitions: [(id: String, extent: CXSourceRange)] = []
    /// Raw (file, offset) of every callee name already resolved through the AST.
    private(set) var resolvedNameOffsets: Set<FileOffset> = []

    private struct Frame { var cursor: CXCursor; var context: String? }
    private var stack: [Frame] = []

    struct FileOffset: Hashable { var file: String; var offset: Int }

    init(tu: CXTranslationUnit, mainFile: String, paths: PathResolver, naming: CursorNaming) {
        self.tu = tu
        self.mainFile = mainFile
        self.paths = paths
        self.naming = naming
    }

    func run() {
        let root = clang_getTranslationUnitCursor(tu)
        stack = [Frame(cursor: root, context: nil)]
        let me = Unmanaged.passRetained(self)
        defer { me.release() }
        _ = clang_visitChildren(root, { cursor, parent, data in
            Unmanaged<CallSiteVisitor>.fromOpaque(data!).takeUnretainedValue().step(cursor, parent)
        }, me.toOpaque())
    }

    private func step(_ cursor: CXCursor, _ parent: CXCursor) -> CXChildVisitResult {
        while stack.count > 1, clang_equalCursors(stack[stack.count - 1].cursor, parent) == 0 {
            stack.removeLast()
        }
        // Code in system headers is not the project's: its bodies are never walked.
        if cursor.location.isInSystemHeader { return CXChildVisit_Continue }
        var context = stack.last?.context
        let kind = cursor.kind

        if CursorNaming.isFunctionLike(kind) {
            if cursor.isDefinition { context = visitFunctionDefinition(cursor) }
        } else if kind == CXCursor_VarDecl, context == nil {
            context = visitFileScopeVariable(cursor)
        } else if kind == CXCursor_CallExpr, let caller = context {
            visitCall(cursor, caller: caller)
        }
        stack.append(Frame(cursor: cursor, context: context))
        return CXChildVisit_Recurse
    }

    // MARK: - Definitions

    private func visitFunctionDefinition(_ cursor: CXCursor) -> String? {
        guard let fact = functionFact(cursor, isDefinition: true) else { return nil }
        if functions[fact.id]?.isDefinition != true { functions[fact.id] = fact }
        definitions.append((fact.id, cursor.extent))
        return fact.id
    }

    /// Global and static-member initializers run before `main`: calls in them belong to the unit's initializer.
    private func visitFileScopeVariable(_ cursor: CXCursor) -> String? {
        let id = FunctionID.initializer(file: mainFile)
        return id
    }

    private func ensureInitializer(_ id: String) {
        guard functions[id] == nil else { return }
        functions[id] = FunctionFact(id: id, name: FunctionID.initializerName(file: mainFile), kind: .initializer,
                                     linkage: .none, location: SourceLocation(file: mainFile, line: 1, column: 1),
                                     isDefinition: true)
    }

    // MARK: - Calls

    private func visitCall(_ call: CXCursor, caller: String) {
        if caller.hasPrefix("init:") { ensureInitializer(caller) }
        let calleeExpr = call.firstChild
        let nameCursor = calleeExpr.map(Self.unwrapCallee) ?? call
        let site = callSiteLocation(call, nameCursor: nameCursor)
        guard let site else { return }

        let referenced = clang_getCursorReferenced(call)
        if referenced.isNull {
            visitUnresolvedCall(call, calleeExpr: nameCursor, caller: caller, site: site)
            return
        }
        var target = referenced
        // Calls to template specializations are edges to the template: it owns the body that was written.
        let primary = clang_getSpecializedCursorTemplate(target)
        if !primary.isNull, CursorNaming.isFunctionLike(primary.kind) { target = primary }

        let kind: CallKind
        switch target.kind {
        case CXCursor_FieldDecl:
            kind = .field
        case CXCursor_VarDecl, CXCursor_ParmDecl:
            kind = .pointer
        case CXCursor_Constructor:
            kind = .constructor
        case CXCursor_CXXMethod where clang_CXXMethod_isVirtual(target) != 0 && nameCursor.kind == CXCursor_MemberRefExpr:
            kind = .virtual
        default:
            guard CursorNaming.isFunctionLike(target.kind) else {
                visitUnresolvedCall(call, calleeExpr: nameCursor, caller: caller, site: site)
                return
            }
            kind = Self.isOperatorName(target.spelling) ? .operator : .direct
        }
        // A C call to an undeclared function gets an implicit declaration at the call itself: that is a name,
        // not a resolution.
        if target.kind == CXCursor_FunctionDecl, isImplicitDeclaration(target, within: call) {
            record(caller: caller, calleeName: target.spelling, site: site, kind: .unresolved)
            return
        }
        guard let fact = functionFact(target, isDefinition: false) else { return }
        if functions[fact.id] == nil { functions[fact.id] = fact }
        calls.append(CallFact(caller: caller, callee: fact.id, location: site.location, kind: kind, macro: site.macro))
    }

    /// No declaration behind the call (dependent code, or recovery after an error): keep the spelled name.
    private func visitUnresolvedCall(_ call: CXCursor, calleeExpr: CXCursor, caller: String, site: Site) {
        var name = ""
        if calleeExpr.kind == CXCursor_OverloadedDeclRef, clang_getNumOverloadedDecls(calleeExpr) > 0 {
            name = naming.qualifiedName(clang_getOverloadedDecl(calleeExpr, 0))
        }
        if name.isEmpty { name = call.spelling }
        if name.isEmpty { name = calleeExpr.spelling }
        guard !name.isEmpty, Self.isIdentifierLike(name) else { return }
        record(caller: caller, calleeName: name, site: site, kind: .unresolved)
    }

    func record(caller: String, calleeName: String, site: Site, kind: CallKind) {
        let id = FunctionID.unresolved(name: calleeName)
        if functions[id] == nil {
            functions[id] = FunctionFact(id: id, name: calleeName, kind: .unresolved, linkage: .none,
                                         location: nil, isDefinition: false)
        }
        calls.append(CallFact(caller: caller, callee: id, location: site.location, kind: kind, macro: site.macro))
    }

    struct Site {
        var location: SourceLocation
        var macro: String?
    }

    /// Where the call is written: the callee's name (member name for `a->f()`), at the macro's use site when
    /// the call came from a macro expansion.
    private func callSiteLocation(_ call: CXCursor, nameCursor: CXCursor) -> Site? {
        let loc = (nameCursor.kind == CXCursor_MemberRefExpr || nameCursor.kind == CXCursor_DeclRefExpr
                   || nameCursor.kind == CXCursor_OverloadedDeclRef) ? nameCursor.location : call.location
        guard let expansion = loc.expansion else { return nil }
        var macro: String?
        if let spelling = loc.spelling, spelling.path != expansion.path || spelling.offset != expansion.offset {
            macro = tokenSpelling(at: loc)
        }
        resolvedNameOffsets.insert(FileOffset(file: expansion.path, offset: expansion.offset))
        return Site(location: SourceLocation(file: paths.display(expansion.path), line: expansion.line,
                                             column: expansion.column), macro: macro)
    }

    /// The macro name at a macro-expanded location: the first token at its expansion point.
    private func tokenSpelling(at loc: CXSourceLocation) -> String? {
        var file: CXFile?
        var line: UInt32 = 0, column: UInt32 = 0, offset: UInt32 = 0
        clang_getExpansionLocation(loc, &file, &line, &column, &offset)
        guard let file else { return nil }
        let start = clang_getLocationForOffset(tu, file, offset)
        let range = clang_getRange(start, start)
        var tokens: UnsafeMutablePointer<CXToken>?
        var count: UInt32 = 0
        clang_tokenize(tu, range, &tokens, &count)
        defer { if let tokens { clang_disposeTokens(tu, tokens, count) } }
        guard let tokens, count > 0 else { return nil }
        let s = clang_getTokenSpelling(tu, tokens[0]).consume()
        return s.isEmpty ? nil : s
    }

    private func isImplicitDeclaration(_ decl: CXCursor, within call: CXCursor) -> Bool {
        guard let d = decl.location.expansion, let start = clang_getRangeStart(call.extent).expansion,
              let end = clang_getRangeEnd(call.extent).expansion else { return false }
        return d.path == start.path && d.offset >= start.offset && d.offset <= end.offset
    }

    // MARK: - Facts

    func functionFact(_ cursor: CXCursor, isDefinition: Bool) -> FunctionFact? {
        let usr = cursor.usr
        let declaration = isDefinition ? cursor : Self.bestDeclaration(cursor)
        guard let where_ = declaration.location.expansion else { return nil }
        let file = paths.display(where_.path)
        let location = SourceLocation(file: file, line: where_.line, column: where_.column)
        let name = naming.qualifiedName(cursor)
        let kind = CursorNaming.functionKind(cursor)
        var linkage = CursorNaming.linkage(cursor)
        let id: String
        switch kind {
        case .field:
            linkage = .none
            id = usr.isEmpty ? FunctionID.unresolved(name: name) : usr
        case .variable:
            if linkage == .external { id = usr } else { id = FunctionID.internal(usr: usr, file: file) }
            linkage = .none
        default:
            guard !usr.isEmpty else { return nil }
            id = linkage == .external ? FunctionID.external(usr: usr) : FunctionID.internal(usr: usr, file: file)
        }
        return FunctionFact(id: id, name: name, kind: kind, linkage: linkage, location: location,
                            isDefinition: isDefinition || declaration.isDefinition,
                            isSystem: declaration.location.isInSystemHeader)
    }

    /// The definition when this unit has it, else the canonical declaration.
    private static func bestDeclaration(_ cursor: CXCursor) -> CXCursor {
        let def = clang_getCursorDefinition(cursor)
        if !def.isNull { return def }
        return clang_getCanonicalCursor(cursor)
    }

    /// The callee expression under implicit casts and parentheses.
    private static func unwrapCallee(_ cursor: CXCursor) -> CXCursor {
        var c = cursor
        var depth = 0
        while (c.kind == CXCursor_UnexposedExpr || c.kind == CXCursor_ParenExpr), depth < 8, let inner = c.firstChild {
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
