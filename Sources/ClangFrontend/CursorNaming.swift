import CClang
import Foundation
import SinkmapCore

/// Names and identities of declarations, as the report spells them. Caches per USR: a translation unit
/// refers to the same few hundred callees thousands of times.
final class CursorNaming {
    private var qualifiedCache: [String: String] = [:]

    /// `ns::Class::method` for a function, method, field or variable (no parameters, no template arguments).
    func qualifiedName(_ cursor: CXCursor) -> String {
        let usr = cursor.usr
        if !usr.isEmpty, let hit = qualifiedCache[usr] { return hit }
        var parts = [ownName(cursor)]
        var parent = cursor.semanticParent
        var guardCount = 0
        while !parent.isNull, parent.kind != CXCursor_TranslationUnit, guardCount < 64 {
            guardCount += 1
            switch parent.kind {
            case CXCursor_LinkageSpec:
                break
            case CXCursor_Namespace:
                // Inline namespaces (`cv::dnn::dnn4_v20220524`, `std::__1`) are versioning, not names users write.
                if clang_Cursor_isInlineNamespace(parent) == 0 {
                    let s = parent.spelling
                    parts.append(s.isEmpty ? "(anonymous namespace)" : s)
                }
            case CXCursor_ClassDecl, CXCursor_StructDecl, CXCursor_UnionDecl, CXCursor_ClassTemplate,
                 CXCursor_ClassTemplatePartialSpecialization, CXCursor_EnumDecl:
                parts.append(ownName(parent))
            case CXCursor_FunctionDecl, CXCursor_CXXMethod, CXCursor_Constructor, CXCursor_Destructor,
                 CXCursor_FunctionTemplate, CXCursor_ConversionFunction:
                parts.append(ownName(parent))
            default:
                let s = parent.spelling
                if !s.isEmpty { parts.append(s) }
            }
            parent = parent.semanticParent
        }
        let name = BoundedText.bounded(parts.reversed().joined(separator: "::"))
        if !usr.isEmpty { qualifiedCache[usr] = name }
        return name
    }

    /// A declaration's own name. Unnamed records take their typedef's name (`typedef struct {…} OrtApi`).
    private func ownName(_ cursor: CXCursor) -> String {
        var s = cursor.spelling
        switch cursor.kind {
        case CXCursor_StructDecl, CXCursor_UnionDecl, CXCursor_ClassDecl, CXCursor_EnumDecl:
            if s.isEmpty || s.contains("(unnamed") || s.contains("(anonymous") {
                let t = clang_getTypeSpelling(clang_getCursorType(cursor)).consume()
                s = (t.isEmpty || t.contains("(unnamed") || t.contains("(anonymous")) ? "(anonymous)" : t
                for prefix in ["struct ", "union ", "class ", "enum "] where s.hasPrefix(prefix) {
                    s = String(s.dropFirst(prefix.count))
                }
            }
        default:
            break
        }
        // Class template specializations spell their arguments; the report names the template.
        if let angle = s.firstIndex(of: "<"), !s.hasPrefix("operator") { s = String(s[..<angle]) }
        return s
    }

    /// The class of a lambda's closure object (its `operator()` is the lambda, already a node of its own).
    static func isClosureClass(_ cursor: CXCursor) -> Bool {
        guard cursor.kind == CXCursor_ClassDecl || cursor.kind == CXCursor_StructDecl else { return false }
        let s = cursor.spelling
        return s.isEmpty || s.contains("lambda at") || s.contains("(lambda")
    }

    /// `const ns::Type<int> &` → `ns::Type`: the class name as written, without qualifiers or arguments.
    static func stripTypeSpelling(_ spelling: String) -> String {
        var s = spelling
        for prefix in ["const ", "volatile ", "struct ", "class ", "union ", "enum "] {
            while s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
        }
        if let angle = s.firstIndex(of: "<") { s = String(s[..<angle]) }
        s = s.replacingOccurrences(of: " const", with: "").replacingOccurrences(of: "&", with: "")
            .replacingOccurrences(of: "*", with: "").trimmingCharacters(in: .whitespaces)
        return s
    }

    static func functionKind(_ cursor: CXCursor) -> FunctionKind {
        switch cursor.kind {
        case CXCursor_CXXMethod: return .method
        case CXCursor_Constructor: return .constructor
        case CXCursor_Destructor: return .destructor
        case CXCursor_ConversionFunction: return .conversion
        case CXCursor_FieldDecl: return .field
        case CXCursor_VarDecl, CXCursor_ParmDecl: return .variable
        case CXCursor_FunctionTemplate:
            switch cursor.semanticParent.kind {
            case CXCursor_ClassDecl, CXCursor_StructDecl, CXCursor_ClassTemplate,
                 CXCursor_ClassTemplatePartialSpecialization:
                return .method
            default: return .function
            }
        default: return .function
        }
    }

    static func isFunctionLike(_ kind: CXCursorKind) -> Bool {
        switch kind {
        case CXCursor_FunctionDecl, CXCursor_CXXMethod, CXCursor_Constructor, CXCursor_Destructor,
             CXCursor_ConversionFunction, CXCursor_FunctionTemplate:
            return true
        default:
            return false
        }
    }

    static func linkage(_ cursor: CXCursor) -> Linkage {
        switch clang_getCursorLinkage(cursor) {
        case CXLinkage_External: return .external
        case CXLinkage_Internal, CXLinkage_UniqueExternal, CXLinkage_NoLinkage: return .internal
        default: return .internal
        }
    }
}
