import CClang
import SinkmapCore

extension CallSiteVisitor {
    // MARK: - Function addresses (field-sensitive, in the spirit of multi-layer type analysis)

    /// A reference to a function that is not the callee of a call: its address goes somewhere. Walks up the
    /// ancestors to find where — a struct field (by initializer position, designator or assignment), a
    /// variable, a parameter of a called function — and records the store.
    func visitReference(_ cursor: CXCursor, index: Int) {
        let target = clang_getCursorReferenced(cursor)
        guard !target.isNull else { return }
        switch target.kind {
        case CXCursor_FunctionDecl, CXCursor_FunctionTemplate:
            break
        case CXCursor_CXXMethod:
            // Static methods are plain functions; `&Class::method` (for `std::bind`, member-pointer tables) is the
            // only way a non-static one is named without a call.
            break
        default:
            return
        }
        var chainIndex = index
        var slot: String?
        var j = stack.count - 1
        walk: while j >= 1 {
            let f = stack[j]
            switch f.kind {
            case CXCursor_UnexposedExpr, CXCursor_ParenExpr, CXCursor_UnaryOperator, CXCursor_CStyleCastExpr:
                // A designated initializer (`.fn = f`) is an unexposed expression whose designator came first.
                if f.kind == CXCursor_UnexposedExpr, let designator = f.lastMemberRef, chainIndex > 0 {
                    slot = fieldID(clang_getCursorReferenced(designator))
                    break walk
                }
                chainIndex = f.index
                j -= 1
            case CXCursor_CallExpr:
                let callee = clang_getCursorReferenced(f.cursor)
                if callee.isNull { break walk }
                if clang_equalCursors(callee, target) != 0 || callee.usr == target.usr { return }   // it is the call itself
                guard CursorNaming.isFunctionLike(callee.kind) else { break walk }
                if chainIndex == 0 && callee.kind != CXCursor_Constructor { return }
                let argument = callee.kind == CXCursor_Constructor ? chainIndex : chainIndex - 1
                if argument >= 0, argument < Int(max(0, clang_Cursor_getNumArguments(callee))),
                   let owner = remember(clang_getSpecializedCursorTemplate(callee).isNull ? callee : clang_getSpecializedCursorTemplate(callee)) {
                    slot = FunctionID.parameter(function: owner.id, index: argument)
                }
                break walk
            case CXCursor_InitListExpr:
                let type = clang_getCanonicalType(clang_getCursorType(f.cursor))
                if type.kind == CXType_Record {
                    let fields = Self.fields(of: type)
                    if chainIndex < fields.count { slot = fieldID(fields[chainIndex]) }
                    break walk
                }
                // An element of an array: where the array goes decides.
                chainIndex = f.index
                j -= 1
            case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator:
                if chainIndex == 1, let lhs = f.firstChild.map(Self.unwrap) {
                    let decl = clang_getCursorReferenced(lhs)
                    if !decl.isNull { slot = slotID(decl) }
                }
                break walk
            case CXCursor_VarDecl, CXCursor_FieldDecl:
                slot = slotID(f.cursor)
                break walk
            default:
                break walk
            }
        }
        guard let function = remember(target) else { return }
        facts.addressStores.append(AddressStoreFact(function: function.id, slot: slot))
    }

    private func slotID(_ decl: CXCursor) -> String? {
        switch decl.kind {
        case CXCursor_FieldDecl: return fieldID(decl)
        case CXCursor_VarDecl, CXCursor_ParmDecl:
            _ = remember(decl)
            guard let file = decl.location.expansion.map({ paths.display($0.path) }) else { return nil }
            return variableID(decl, file: file)
        default: return nil
        }
    }

    private func fieldID(_ field: CXCursor) -> String? {
        guard field.kind == CXCursor_FieldDecl else { return nil }
        return remember(field)?.id
    }

    static func fields(of type: CXType) -> [CXCursor] {
        final class Box { var items: [CXCursor] = [] }
        let box = Box()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        _ = clang_Type_visitFields(type, { field, data in
            Unmanaged<Box>.fromOpaque(data!).takeUnretainedValue().items.append(field)
            return CXVisit_Continue
        }, unmanaged.toOpaque())
        return box.items
    }

    // MARK: - Lambdas and blocks

    /// A lambda (or block) is a function of its own, named after its enclosing function and position; the
    /// function that creates it gets an edge of kind `lambda`.
    func visitClosure(_ cursor: CXCursor, kind: CXCursorKind, enclosing: String) -> String? {
        ensureInitializer(enclosing)
        guard let site = site(at: cursor.location) else { return nil }
        let ordinal = lambdaCounts[enclosing, default: 0]
        lambdaCounts[enclosing] = ordinal + 1
        let id = FunctionID.closure(enclosing: enclosing, ordinal: ordinal)
        let enclosingName = functions[enclosing]?.name ?? enclosing
        let label = kind == CXCursor_BlockExpr ? "block" : "lambda"
        functions[id] = FunctionFact(
            id: id, name: "\(enclosingName)::\(label)@\(site.location.line):\(site.location.column)",
            kind: kind == CXCursor_BlockExpr ? .block : .lambda, linkage: .none, location: site.location,
            isDefinition: true)
        definitions.append((id, cursor.extent))
        facts.calls.append(CallFact(caller: enclosing, callee: id, location: site.location, kind: .lambda, macro: site.macro))
        visitClosureRegistration(cursor, id: id)
        return id
    }

    // MARK: - Implicit destructor calls

    /// A local object of class type is destroyed at the end of its scope: an `implicit` edge to its destructor.
    func visitLocalVariable(_ variable: CXCursor, caller: String) {
        recordDestructorCall(of: clang_getCanonicalType(clang_getCursorType(variable)), at: variable.location, caller: caller)
    }

    /// `delete p` runs `p`'s destructor.
    func visitDelete(_ expr: CXCursor, caller: String) {
        guard let operand = expr.firstChild.map(Self.unwrap) else { return }
        var type = clang_getCanonicalType(clang_getCursorType(operand))
        if type.kind == CXType_Pointer { type = clang_getCanonicalType(clang_getPointeeType(type)) }
        recordDestructorCall(of: type, at: expr.location, caller: caller)
    }

    private func recordDestructorCall(of type: CXType, at location: CXSourceLocation, caller: String) {
        guard type.kind == CXType_Record, let destructor = destructor(of: type), let site = site(at: location),
              let fact = remember(destructor) else { return }
        facts.calls.append(CallFact(caller: caller, callee: fact.id, location: site.location, kind: .implicit, macro: site.macro))
    }

    /// The user-declared destructor of a class in the project (none for system classes).
    private func destructor(of type: CXType) -> CXCursor? {
        let decl = clang_getTypeDeclaration(type)
        guard !decl.isNull, !decl.location.isInSystemHeader else { return nil }
        let key = decl.usr
        if let cached = destructorCache[key] { return cached }
        var found: CXCursor?
        for candidate in [decl, clang_getSpecializedCursorTemplate(decl)] where !candidate.isNull && found == nil {
            found = Self.children(candidate).first { $0.kind == CXCursor_Destructor }
        }
        destructorCache[key] = found
        return found
    }

    // MARK: - Names that mean other names

    /// `namespace A = B;`, `using ns::Class;` and `typedef`/`using` of a class at namespace scope.
    func visitAlias(_ cursor: CXCursor) {
        let alias = naming.qualifiedName(cursor)
        var targetDecl: CXCursor?
        switch cursor.kind {
        case CXCursor_NamespaceAlias:
            targetDecl = Self.children(cursor).last.map { clang_getCursorReferenced($0) }
        case CXCursor_UsingDeclaration:
            let ref = clang_getCursorReferenced(cursor)
            if !ref.isNull, clang_getNumOverloadedDecls(ref) > 0 {
                targetDecl = clang_getOverloadedDecl(ref, 0)
            } else if let last = Self.children(cursor).last {
                targetDecl = clang_getCursorReferenced(last)
            }
        default:
            let underlying = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(cursor))
            if underlying.kind == CXType_Record { targetDecl = clang_getTypeDeclaration(underlying) }
        }
        guard let targetDecl, !targetDecl.isNull else { return }
        switch targetDecl.kind {
        case CXCursor_Namespace, CXCursor_ClassDecl, CXCursor_StructDecl, CXCursor_ClassTemplate, CXCursor_UnionDecl:
            let canonical = naming.qualifiedName(targetDecl)
            if !alias.isEmpty, !canonical.isEmpty, alias != canonical {
                facts.aliases.append(NameAliasFact(alias: alias, canonical: canonical))
            }
        default:
            break
        }
    }
}
