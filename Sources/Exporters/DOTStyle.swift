/// How the graph formats look: node colours by role and sink category, line style by call kind, and DOT
/// string escaping. Kinds and categories sinkmap does not know yet get a neutral style, never an error.
public enum DOTStyle {
    /// Fill and border of a sink by category.
    static func sinkColors(_ category: String) -> (fill: String, border: String) {
        switch category {
        case "model-load": return ("#fde68a", "#b45309")
        case "inference": return ("#fecaca", "#b91c1c")
        case "tokenize": return ("#e9d5ff", "#7e22ce")
        case "template": return ("#fbcfe8", "#be185d")
        case "sampling": return ("#c7d2fe", "#4338ca")
        case "embedding": return ("#bbf7d0", "#15803d")
        case "network": return ("#fed7aa", "#c2410c")
        case "code-load": return ("#fca5a5", "#7f1d1d")
        default: return ("#e5e7eb", "#374151")
        }
    }

    static let entryColors = (fill: "#dbeafe", border: "#1d4ed8")

    /// The sink fill's colour in words, for the legend.
    static func colorName(_ category: String) -> String {
        switch category {
        case "model-load": return "amber"
        case "inference": return "red"
        case "tokenize": return "purple"
        case "template": return "pink"
        case "sampling": return "indigo"
        case "embedding": return "green"
        case "network": return "orange"
        case "code-load": return "dark red"
        default: return "grey"
        }
    }

    /// An edge colour in words ("" for the default dark grey), for the legend.
    static func edgeColorName(_ color: String) -> String {
        switch color {
        case "#9ca3af": return "grey"
        case "#7c3aed": return "purple"
        case "#b45309": return "orange"
        case "#0e7490": return "teal"
        default: return ""
        }
    }

    /// Line style of a call edge and whether it carries its kind as a label. Statically bound calls are solid;
    /// calls through pointers, fields, virtual dispatch and template instantiation are dotted (the target is
    /// inferred); calls recovered
    /// by name are dashed and grey (libclang did not resolve them); hand-offs each have a colour of their own
    /// (stored callback purple dotted, work-queue hand-off orange bold, new thread teal dashed). Plain direct calls
    /// stay unlabelled.
    public static func edge(_ kind: String) -> (style: String, color: String, labelled: Bool) {
        switch kind {
        case "direct": return ("solid", "#4b5563", false)
        case "constructor", "operator", "lambda", "implicit": return ("solid", "#4b5563", true)
        case "virtual", "pointer", "field", "template": return ("dotted", "#1f2937", true)
        case "unresolved": return ("dashed", "#9ca3af", true)
        // Calls that cross a hand-off: through a stored callable, a work queue, a new thread.
        case "stored-callback": return ("dotted", "#7c3aed", true)
        case "handoff": return ("bold", "#b45309", true)
        case "async": return ("dashed", "#0e7490", true)
        default: return ("solid", "#6b7280", true)
        }
    }

    /// `s` as a DOT double-quoted string: control characters made visible first, then `\` and `"` escaped,
    /// and `&` written as an entity because Graphviz decodes entities such as `&lt;` in labels.
    public static func quoted(_ s: String) -> String {
        "\"" + escaped(s) + "\""
    }

    /// Several lines as one DOT label (`\n` between escaped lines).
    public static func lines(_ parts: [String]) -> String {
        "\"" + parts.map(escaped).joined(separator: "\\n") + "\""
    }

    private static func escaped(_ s: String) -> String {
        var out = ""
        for c in TerminalText.sanitize(s) {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            default: out.append(c)
            }
        }
        return out
    }
}
