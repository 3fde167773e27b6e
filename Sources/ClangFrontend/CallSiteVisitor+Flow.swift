import CClang
import SinkmapCore

/// Per-function flow facts (`FlowFact`): where each value an expression mentions goes. Recorded in the same walk as
/// the calls: every variable, parameter, field of `this`, `this`, call result and lambda written in a function body
/// is followed up its ancestors to the first place that keeps it — a call's argument or receiver, a variable's
/// initializer, the left side of an assignment, a member initializer, a `return`, a range-for's variable — and an
/// edge is recorded there. What is tainted, and how a call passes taint on, is the path engine's business.
extension CallSiteVisitor {
    /// The flow facts of one function or lambda being walked.
    final class FlowBuilder {
        var fact: FlowFact
        var valueIndex: [FlowValue: Int32] = [:]
        /// Parameters by declaration key.
        var parameterKeys: [String: Int32] = [:]
        /// Per call: its argument expressions (after a member operator's object), and that object.
        var arguments: [[CXCursor]] = []
        var receivers: [CXCursor?] = []
        var edgeSeen: Set<Int64> = []

        init(fact: FlowFact) { self.fact = fact }

        func value(_ v: FlowValue) -> Int32 {
            if let i = valueIndex[v] { return i }
            let i = Int32(fact.values.count)
            fact.values.append(v)
            valueIndex[v] = i
            return i
        }

        func edge(_ from: Int32, _ to: Int32, line: Int, column: Int) {
            guard from != to, edgeSeen.insert(Int64(from) << 32 | Int64(to)).inserted else { return }
            fact.edges.append(contentsOf: [from, to, Int32(clamping: line), Int32(clamping: column)])
        }
    }

    // MARK: - Functions

    /// A function, method or lambda definition starts its facts: its parameters, in order.
    func beginFlow(_ cursor: CXCursor, id: String, enclosing: String?) {
        guard flowBuilders[id] == nil, let at = cursor.location.expansion else { return }
        var parameters: [CXCursor]
        let n = cursor.kind == CXCursor_LambdaExpr || cursor.kind == CXCursor_FunctionTemplate ? -1 : clang_Cursor_getNumArguments(cursor)
        if n >= 0 {
            parameters = (0..<UInt32(n)).map { clang_Cursor_getArgument(cursor, $0) }
        } else {
            parameters = Self.children(cursor).filter { $0.kind == CXCursor_ParmDecl }
        }
        let builder = FlowBuilder(fact: FlowFact(function: id, enclosing: enclosing, file: paths.display(at.path)))
        for (i, p) in parameters.enumerated() {
            let type = clang_getCursorType(p)
            let spelled = clang_getTypeSpelling(type).consume()
            builder.fact.parameters.append(FlowParameter(name: p.spelling, request: spelled.lowercased().contains("request"),
                                                         writable: Self.isWritable(type)))
            if let key = declarationKey(p) { builder.parameterKeys[key] = Int32(i) }
        }
        // A method's object, named or not: what its callers hand it in `this`.
        switch cursor.kind {
        case CXCursor_CXXMethod, CXCursor_Constructor, CXCursor_Destructor, CXCursor_ConversionFunction:
            if clang_CXXMethod_isStatic(cursor) == 0 { _ = builder.value(FlowValue(kind: .this, name: "this")) }
        default:
            break
        }
        flowBuilders[id] = builder
    }

    /// Pointers to non-const and non-const lvalue references: what the callee may write through.
    static func isWritable(_ type: CXType) -> Bool {
        let t = clang_getCanonicalType(type)
        switch t.kind {
        case CXType_LValueReference:
            let pointee = clang_getCanonicalType(clang_getPointeeType(t))
            return clang_isConstQualifiedType(pointee) == 0 && pointee.kind != CXType_FunctionProto
        case CXType_Pointer:
            let pointee = clang_getCanonicalType(clang_getPointeeType(t))
            return clang_isConstQualifiedType(pointee) == 0 && pointee.kind != CXType_FunctionProto
                && pointee.kind != CXType_FunctionNoProto
        default:
            return false
        }
    }

    /// Where a local or parameter is declared (`file:offset`): the same in a lambda and its enclosing function.
    func declarationKey(_ decl: CXCursor) -> String? {
        let hash = clang_hashCursor(decl)
        if let hit = declarationKeys[hash]?.first(where: { clang_equalCursors($0.0, decl) != 0 }) { return hit.1 }
        guard let at = decl.location.expansion else { return nil }
        let key = paths.display(at.path) + ":" + String(at.offset)
        declarationKeys[hash, default: []].append((decl, key))
        return key
    }

    // MARK: - Values

    /// A reference to a variable or parameter (`DeclRefExpr`).
    func flowReference(_ cursor: CXCursor, context: String, index: Int) {
        guard let builder = flowBuilders[context] else { return }
        let decl = clang_getCursorReferenced(cursor)
        guard !decl.isNull else { return }
        let value: FlowValue
        switch decl.kind {
        case CXCursor_ParmDecl:
            guard let key = declarationKey(decl) else { return }
            if let i = builder.parameterKeys[key] {
                value = FlowValue(kind: .parameter, key: key, index: i, name: decl.spelling)
            } else {
                value = FlowValue(kind: .local, key: key, name: decl.spelling)
            }
        case CXCursor_VarDecl:
            if decl.location.isInSystemHeader {
                let name = decl.spelling
                guard name == "cin" || name == "wcin" else { return }
                value = FlowValue(kind: .stream, key: "std::" + name, name: "std::" + name)
            } else if CursorNaming.isFunctionLike(decl.semanticParent.kind) || decl.semanticParent.kind == CXCursor_LambdaExpr {
                guard let key = declarationKey(decl) else { return }
                value = FlowValue(kind: .local, key: key, name: decl.spelling)
            } else {
                guard let file = decl.location.expansion.map({ paths.display($0.path) }) else { return }
                value = FlowValue(kind: .global, key: variableID(decl, file: file), name: naming.qualifiedName(decl))
            }
        default:
            return
        }
        flow(builder.value(value), from: cursor, index: index, builder: builder)
    }

    /// A field named without another object (`prompt_`, `this->prompt_`), or `this` itself.
    func flowMember(_ cursor: CXCursor, context: String, index: Int) {
        guard let builder = flowBuilders[context] else { return }
        let decl = clang_getCursorReferenced(cursor)
        guard !decl.isNull, decl.kind == CXCursor_FieldDecl else { return }
        if let base = cursor.firstChild, Self.unwrap(base).kind != CXCursor_CXXThisExpr { return }
        guard let id = fieldID(decl) else { return }
        flow(builder.value(FlowValue(kind: .field, key: id, name: decl.spelling)), from: cursor, index: index, builder: builder)
    }

    func flowThis(_ cursor: CXCursor, context: String, index: Int) {
        guard let builder = flowBuilders[context] else { return }
        // `this->field`: the field is the value (recorded at the member).
        if let parent = stack.last, parent.kind == CXCursor_MemberRefExpr,
           clang_getCursorReferenced(parent.cursor).kind == CXCursor_FieldDecl { return }
        if let j = stack.indices.last, stack[j].kind == CXCursor_UnexposedExpr, j > 0, stack[j - 1].kind == CXCursor_MemberRefExpr,
           clang_getCursorReferenced(stack[j - 1].cursor).kind == CXCursor_FieldDecl { return }
        flow(builder.value(FlowValue(kind: .this, name: "this")), from: cursor, index: index, builder: builder)
    }

    /// A lambda written in `context`: where the closure goes (a call's argument, a variable).
    func flowClosure(_ cursor: CXCursor, id: String, context: String, index: Int, at: SourceLocation) {
        guard let builder = flowBuilders[context] else { return }
        let name = functions[id]?.name ?? "lambda"
        flow(builder.value(FlowValue(kind: .closure, key: "\(at.line):\(at.column)", name: name)), from: cursor, index: index,
             builder: builder)
    }

    // MARK: - Calls

    /// A call site: its arguments, which of them the callee may write through, and where its result goes.
    /// Returns its index among the function's calls.
    func flowCall(_ call: CXCursor, context: String, index: Int, site: Site) -> Int32 {
        guard let builder = flowBuilders[context] else { return -1 }
        let referenced = clang_getCursorReferenced(call)
        let n = clang_Cursor_getNumArguments(call)
        var arguments = n > 0 ? (0..<UInt32(n)).map { clang_Cursor_getArgument(call, $0) } : []
        var receiver: CXCursor?
        var writable: [Int32] = []
        var receiverWritable = true
        var name = call.spelling
        if !referenced.isNull, CursorNaming.isFunctionLike(referenced.kind) {
            name = referenced.spelling
            let isMethod = (referenced.kind == CXCursor_CXXMethod || referenced.kind == CXCursor_ConversionFunction)
                && clang_CXXMethod_isStatic(referenced) == 0
            let parameters = Int(clang_Cursor_getNumArguments(referenced))
            // A member operator (`a = b`, `s += t`, `closure(x)`): its first operand is the object it runs on.
            if isMethod, parameters >= 0, arguments.count == parameters + 1 { receiver = arguments.removeFirst() }
            if parameters > 0 {
                for i in 0..<min(arguments.count, parameters)
                where Self.isWritable(clang_getCursorType(clang_Cursor_getArgument(referenced, UInt32(i)))) {
                    writable.append(Int32(i))
                }
            }
            receiverWritable = isMethod && clang_CXXMethod_isConst(referenced) == 0
        }
        // A dependent call (`common_token_to_piece(ctx, *begin)` in a template): the name as written, from the
        // overload set it names (as `visitCall` reads it).
        if name.isEmpty, let set = overloadSet(referenced: referenced, nameCursor: call.firstChild.map(Self.unwrap) ?? call),
           clang_getNumOverloadedDecls(set) > 0 {
            name = clang_getOverloadedDecl(set, 0).spelling
        }
        let k = Int32(builder.fact.calls.count)
        builder.fact.calls.append(FlowCall(name: name, location: site.location, arguments: Int32(arguments.count),
                                           writable: writable, receiverWritable: receiverWritable,
                                           writesFile: writesFile(name: name, arguments: arguments, receiver: receiver, call: call)))
        builder.arguments.append(arguments)
        builder.receivers.append(receiver)
        // `method()` on the implicit `this`.
        if let callee = call.firstChild, callee.kind == CXCursor_MemberRefExpr, callee.firstChild == nil,
           referenced.kind == CXCursor_CXXMethod || referenced.kind == CXCursor_ConversionFunction,
           clang_CXXMethod_isStatic(referenced) == 0 {
            let this = builder.value(FlowValue(kind: .this, name: "this"))
            if let at = callee.location.expansion {
                builder.edge(this, builder.value(FlowValue(kind: .receiver, index: k, name: name)), line: at.line, column: at.column)
            }
        }
        flow(builder.value(FlowValue(kind: .result, index: k, name: name)), from: call, index: index, builder: builder)
        return k
    }

    static let fileWriters: Set<String> = ["fwrite", "fputs", "fputc", "putc", "fprintf", "vfprintf", "fputws", "fwprintf"]

    /// Whether a call writes into a file: a `FILE *` other than the standard streams, or a file stream object.
    private func writesFile(name: String, arguments: [CXCursor], receiver: CXCursor?, call: CXCursor) -> Bool {
        if Self.fileWriters.contains(name) {
            return arguments.contains { argument in
                let type = clang_getCanonicalType(clang_getCursorType(argument))
                guard type.kind == CXType_Pointer else { return false }
                let pointee = clang_getTypeSpelling(clang_getCanonicalType(clang_getPointeeType(type))).consume()
                guard pointee.hasSuffix("_IO_FILE") || pointee.hasSuffix("FILE") else { return false }
                let spelled = Self.unwrap(argument).spelling
                return spelled != "stdout" && spelled != "stderr"
            }
        }
        guard name == "operator<<" || name == "write" || name == "put" else { return false }
        var stream: CXCursor? = receiver ?? (name == "operator<<" ? arguments.first : nil)
        if stream == nil, let member = call.firstChild, member.kind == CXCursor_MemberRefExpr { stream = member.firstChild }
        var depth = 0
        while let s = stream.map(Self.unwrap), depth < 16 {
            // `out << a << b`: the stream is the innermost left operand.
            if s.kind == CXCursor_CallExpr, clang_getCursorReferenced(s).spelling == "operator<<" {
                let inner = Self.arguments(s)
                guard let first = inner.first else { return false }
                stream = first
                depth += 1
                continue
            }
            var type = clang_getCanonicalType(clang_getCursorType(s))
            if type.kind == CXType_LValueReference || type.kind == CXType_Pointer { type = clang_getCanonicalType(clang_getPointeeType(type)) }
            let spelled = clang_getTypeSpelling(type).consume()
            return spelled.contains("basic_ofstream") || spelled.contains("basic_fstream")
        }
        return false
    }

    // MARK: - Where a value goes

    /// Follows the value written at `cursor` (child `index` of the innermost frame) up to where it is kept, and
    /// records the edge.
    private func flow(_ value: Int32, from cursor: CXCursor, index: Int, builder: FlowBuilder) {
        guard let target = flowTarget(from: cursor, index: index, builder: builder), let at = cursor.location.expansion else { return }
        builder.edge(value, target, line: at.line, column: at.column)
    }

    private func flowTarget(from cursor: CXCursor, index: Int, builder: FlowBuilder) -> Int32? {
        var j = stack.count - 1
        var child = cursor
        var childIndex = index
        var throughMethod = false
        // An expression nested deeper than this (generated code) keeps its values: the walk is per value.
        let deepest = max(1, stack.count - 512)
        while j >= deepest {
            let f = stack[j]
            guard f.context == builder.fact.function || f.kind == CXCursor_LambdaExpr else { return nil }
            switch f.kind {
            case CXCursor_UnexposedExpr, CXCursor_ParenExpr, CXCursor_CStyleCastExpr, CXCursor_CXXStaticCastExpr,
                 CXCursor_CXXDynamicCastExpr, CXCursor_CXXReinterpretCastExpr, CXCursor_CXXConstCastExpr,
                 CXCursor_CXXFunctionalCastExpr, CXCursor_UnaryOperator, CXCursor_ArraySubscriptExpr,
                 CXCursor_ConditionalOperator, CXCursor_InitListExpr, CXCursor_CXXNewExpr, CXCursor_PackExpansionExpr,
                 CXCursor_CompoundLiteralExpr:
                break
            case CXCursor_MemberRefExpr:
                let member = clang_getCursorReferenced(f.cursor)
                // A conversion (`const std::vector<int> v = body.at("tokens")`, json's `operator T()`) is a method too.
                if member.kind == CXCursor_CXXMethod || member.kind == CXCursor_ConversionFunction
                    || member.kind == CXCursor_FunctionTemplate || member.isNull {
                    throughMethod = true
                } else if member.kind != CXCursor_FieldDecl {
                    return nil
                }
            case CXCursor_CallExpr:
                let k = f.flowCall
                // An implicit conversion the walk records no call for (`const std::vector<int> v = body.at("tokens")`
                // through json's `operator T()`): the converted value is the object's.
                if k < 0, clang_getCursorReferenced(f.cursor).kind == CXCursor_ConversionFunction { break }
                guard k >= 0, Int(k) < builder.arguments.count else { return nil }
                let name = builder.fact.calls[Int(k)].name
                for (i, argument) in builder.arguments[Int(k)].enumerated() where Self.same(child, argument) {
                    return builder.value(FlowValue(kind: .argument, index: k, argument: Int32(i), name: name))
                }
                if let receiver = builder.receivers[Int(k)], Self.same(child, receiver) {
                    return builder.value(FlowValue(kind: .receiver, index: k, name: name))
                }
                // The callee expression: `obj.method(…)` (the object is the receiver), `fp(…)` (not a value passed on).
                if throughMethod && childIndex == 0 { return builder.value(FlowValue(kind: .receiver, index: k, name: name)) }
                if builder.arguments[Int(k)].isEmpty && builder.fact.calls[Int(k)].arguments == 0 && childIndex > 0 {
                    // A dependent call libclang lists no arguments for: its children after the callee, in order.
                    return builder.value(FlowValue(kind: .argument, index: k, argument: Int32(childIndex - 1), name: name))
                }
                return nil
            case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator:
                if f.kind == CXCursor_CompoundAssignOperator || isAssignment(at: j) {
                    if childIndex == 0 {
                        if stack[j].assignTarget < 0, let value = valueAt(child, builder: builder) { stack[j].assignTarget = value }
                        return nil
                    }
                    return stack[j].assignTarget >= 0 ? stack[j].assignTarget : nil
                }
            case CXCursor_VarDecl:
                guard let key = declarationKey(f.cursor) else { return nil }
                if CursorNaming.isFunctionLike(f.cursor.semanticParent.kind) || f.cursor.semanticParent.kind == CXCursor_LambdaExpr {
                    return builder.value(FlowValue(kind: .local, key: key, name: f.cursor.spelling))
                }
                guard let file = f.cursor.location.expansion.map({ paths.display($0.path) }) else { return nil }
                return builder.value(FlowValue(kind: .global, key: variableID(f.cursor, file: file), name: naming.qualifiedName(f.cursor)))
            case CXCursor_ReturnStmt:
                return builder.value(FlowValue(kind: .returned, name: "return"))
            case CXCursor_CXXForRangeStmt:
                guard childIndex > 0, let variable = f.firstChild, variable.kind == CXCursor_VarDecl,
                      let key = declarationKey(variable) else { return nil }
                return builder.value(FlowValue(kind: .local, key: key, name: variable.spelling))
            case CXCursor_Constructor, CXCursor_CXXMethod, CXCursor_FunctionDecl, CXCursor_FunctionTemplate:
                // A member initializer, `: prompt_(p)`: the field named just before the value.
                guard f.kind == CXCursor_Constructor || f.kind == CXCursor_FunctionTemplate, let field = f.lastMemberRef else { return nil }
                let decl = clang_getCursorReferenced(field)
                guard let id = fieldID(decl) else { return nil }
                return builder.value(FlowValue(kind: .field, key: id, name: decl.spelling))
            default:
                return nil
            }
            child = f.cursor
            childIndex = f.index
            j -= 1
        }
        return nil
    }

    /// The value a written-to expression names first: `obj` in `obj.f = …`, `p` in `*p = …`, the field in `f = …`.
    private func valueAt(_ cursor: CXCursor, builder: FlowBuilder) -> Int32? {
        var c = cursor
        for _ in 0..<16 {
            switch c.kind {
            case CXCursor_DeclRefExpr:
                let decl = clang_getCursorReferenced(c)
                guard let key = declarationKey(decl) else { return nil }
                switch decl.kind {
                case CXCursor_ParmDecl:
                    if let i = builder.parameterKeys[key] { return builder.value(FlowValue(kind: .parameter, key: key, index: i, name: decl.spelling)) }
                    return builder.value(FlowValue(kind: .local, key: key, name: decl.spelling))
                case CXCursor_VarDecl:
                    if CursorNaming.isFunctionLike(decl.semanticParent.kind) || decl.semanticParent.kind == CXCursor_LambdaExpr {
                        return builder.value(FlowValue(kind: .local, key: key, name: decl.spelling))
                    }
                    guard let file = decl.location.expansion.map({ paths.display($0.path) }) else { return nil }
                    return builder.value(FlowValue(kind: .global, key: variableID(decl, file: file), name: naming.qualifiedName(decl)))
                default:
                    return nil
                }
            case CXCursor_MemberRefExpr:
                let decl = clang_getCursorReferenced(c)
                if let base = c.firstChild, Self.unwrap(base).kind != CXCursor_CXXThisExpr {
                    c = base
                    continue
                }
                guard decl.kind == CXCursor_FieldDecl, let id = fieldID(decl) else { return nil }
                return builder.value(FlowValue(kind: .field, key: id, name: decl.spelling))
            case CXCursor_CXXThisExpr:
                return builder.value(FlowValue(kind: .this, name: "this"))
            case CXCursor_UnexposedExpr, CXCursor_ParenExpr, CXCursor_UnaryOperator, CXCursor_ArraySubscriptExpr,
                 CXCursor_CStyleCastExpr, CXCursor_CallExpr:
                guard let inner = c.firstChild else { return nil }
                c = inner
            default:
                return nil
            }
        }
        return nil
    }

    /// Whether the binary operator at stack position `j` is a plain assignment (`=`): libclang 14 does not say, so the
    /// first punctuation token after the left operand is read (once per operator).
    private func isAssignment(at j: Int) -> Bool {
        if stack[j].assignment >= 0 { return stack[j].assignment == 1 }
        var result = false
        if let lhs = stack[j].firstChild,
           let end = clang_getRangeEnd(lhs.extent).expansion, let stop = clang_getRangeEnd(stack[j].cursor.extent).expansion,
           end.path == stop.path, end.offset < stop.offset {
            let file = clang_getFile(tu, end.path)
            if let file {
                let from = clang_getLocationForOffset(tu, file, UInt32(end.offset))
                let to = clang_getLocationForOffset(tu, file, UInt32(min(stop.offset, end.offset + 12)))
                if let token = sourceTokens(tu, clang_getRange(from, to)).first(where: { $0.kind == CXToken_Punctuation }) {
                    result = token.text == "="
                }
            }
        }
        stack[j].assignment = result ? 1 : 0
        return result
    }

    /// The same expression, as visited and as libclang lists a call's arguments.
    static func same(_ a: CXCursor, _ b: CXCursor) -> Bool {
        if clang_equalCursors(a, b) != 0 { return true }
        guard a.kind == b.kind else { return false }
        let ra = a.extent, rb = b.extent
        guard let sa = clang_getRangeStart(ra).expansion, let sb = clang_getRangeStart(rb).expansion,
              let ea = clang_getRangeEnd(ra).expansion, let eb = clang_getRangeEnd(rb).expansion else { return false }
        return sa.offset == sb.offset && ea.offset == eb.offset && sa.path == sb.path
    }
}
