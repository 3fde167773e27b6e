import CYaml

/// Refuses YAML nested deeper than any `sinkmap.yml` needs, before Yams composes it: Yams builds the node tree
/// recursively, so a `sinkmap.yml` from an untrusted tree holding `[[[[…` or `- - - …` ten thousand levels deep
/// overflowed the stack (a crash, found by fuzzing). A real configuration nests four levels.
///
/// The depth is measured on libyaml's event stream — the same parser Yams uses, which keeps its state on the heap
/// rather than the stack — so it is exact whatever the quoting, comments or line breaks. Syntax errors are left to
/// Yams, which reports them with their line.
enum YAMLNesting {
    static let limit = 200

    static func check(_ text: String, file: String) throws {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > limit {
                        throw ConfigurationError(file: file, line: Int(event.start_mark.line) + 1,
                                                 column: Int(event.start_mark.column) + 1,
                                                 message: "nested more than \(limit) levels deep; a sinkmap.yml nests four")
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                case YAML_STREAM_END_EVENT:
                    return
                default:
                    break
                }
            }
        }
    }
}
