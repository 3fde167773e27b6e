/// Reads the report's function names (`ns::Model<int>::load`, `Chat::operator()`, `helper@src/a.c`).
enum QualifiedName {
    /// The enclosing namespace or class: everything before the last `::` outside template arguments and
    /// parentheses, or nil for a free function. `ns::Model<a::b>::load` → `ns::Model<a::b>`,
    /// `ns::operator<<` → `ns`, `helper@src/a.c` → nil.
    static func scope(of name: String) -> String? {
        let bare = Substring(name.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        var depth = 0
        var lastSeparator: String.Index?
        var i = bare.startIndex
        while i < bare.endIndex {
            let rest = bare[i...]
            // An operator's name (`operator<`, `operator()`) ends the qualified part: its brackets are not nesting.
            if depth == 0 && rest.hasPrefix("operator") && (i == bare.startIndex || bare[bare.index(before: i)] == ":") { break }
            switch bare[i] {
            case "<", "(", "[": depth += 1
            case ">", ")", "]": depth = max(0, depth - 1)
            case ":" where depth == 0 && rest.hasPrefix("::"): lastSeparator = i
            default: break
            }
            i = bare.index(after: i)
        }
        guard let sep = lastSeparator, sep > bare.startIndex else { return nil }
        return String(bare[..<sep])
    }
}
