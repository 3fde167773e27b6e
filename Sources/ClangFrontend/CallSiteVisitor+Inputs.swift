import CClang
import SinkmapCore

/// Where input comes into a program besides its entry points' parameters: library API declared in a public
/// header (for `exported` entry points), and standard input named as `std::cin`.
extension CallSiteVisitor {
    /// An external function declared in a header under an `include/` folder of the scanned tree.
    func visitPublicDeclaration(_ cursor: CXCursor) {
        guard clang_getCursorLinkage(cursor) == CXLinkage_External, let at = cursor.location.expansion else { return }
        let file = paths.display(at.path)
        guard !file.hasPrefix("/"), file.split(separator: "/").dropLast().contains("include") else { return }
        if let fact = functionFact(cursor, isDefinition: false), fact.linkage == .external {
            publicDeclarations.insert(fact.id)
        }
    }

    /// `std::cin` / `std::wcin` named in a function: it reads standard input.
    func visitStreamRead(_ reference: CXCursor, caller: String) {
        // Every variable use comes here: only those of system-header variables are spelled.
        let variable = clang_getCursorReferenced(reference)
        guard variable.kind == CXCursor_VarDecl, variable.location.isInSystemHeader else { return }
        let spelling = variable.spelling
        guard spelling == "cin" || spelling == "wcin" else { return }
        let name = naming.qualifiedName(variable)
        if name == "std::cin" || name == "std::wcin" { streamReads.insert(StreamReadFact(function: caller, stream: name)) }
    }
}
