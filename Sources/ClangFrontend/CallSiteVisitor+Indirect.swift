import CClang
import SinkmapCore

extension CallSiteVisitor {
    // MARK: - Function addresses (field-sensitive, in the spirit of multi-layer type analysis)

    /// A reference that is not the callee of a call. A function's address goes somewhere — a struct field (by
    /// initializer position, designator or assignment), a variable, a parameter of a called function, a
    /// template argument — and the store is recorded; a variable holding a callable flows into another slot.
    func visitReference(_ cursor: CXCursor, index: Int, context: String?) {
        let target = clang_getCursorReferenced(cursor)
        guard !target.isNull else { return }
        switch target.kind {
        case CXCursor_FunctionDecl, CXCursor_FunctionTemplate, CXCursor_CXXMethod:
            // Static methods are plain functions; `&Class::method` (for `std::bind`, member-pointer tables) is the
            // only way a non-static one is named without a call.
            break
        case CXCursor_VarDecl, CXCursor_ParmDecl, CXCursor_FieldDecl:
            visitCallableReference(cursor, declaration: target, index: index)
            visitStringReference(cursor, declaration: target, context: context, index: index)
            return
        default:
            return
        }
        guard case .slot(let slot) = destination(ofValueAt: index, value: target) else { return }
        guard let function = remember(target) else { return }
        facts.addressStores.append(AddressStoreFact(function: function.id, slot: slot, location: site(at: cursor.location)?.location))
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
    func visitClosure(_ cursor: CXCursor, kind: CXCursorKind, enclosing: String, index: Int) -> String? {
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
        definitions.append((id, cursor.extent, cursor))
        facts.calls.append(CallFact(caller: enclosing, callee: id, location: site.location, kind: .lambda, macro: site.macro))
        // Where the lambda goes: a setter's or constructor's parameter, a variable, a container.
        if case .slot(let slot?) = destination(ofValueAt: index) {
            facts.addressStores.append(AddressStoreFact(function: id, slot: slot, location: site.location))
        }
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
