import Foundation

/// A small C program in a temporary folder, for the gate's tests: `main` calls two handlers, one of which reaches
/// `llama_decode` through a static helper, and start-up loads a model. Tests edit it the ways a pull request
/// would (add a call, rename, reformat) and compare fingerprints or run `sinkmap check` on it.
final class GateTestTree {
    let root: String

    init(_ label: String = "sinkmap-gate") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        root = base.resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let p = path(relative)
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: p, atomically: true, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    /// Replaces text in one file; fails loudly when `old` is not there, so a test cannot edit nothing.
    func replace(_ relative: String, _ old: String, with new: String) throws {
        let text = try read(relative)
        guard text.contains(old) else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(relative) has no '\(old)'"]) }
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// The source files, relative, sorted.
    func sources() throws -> [String] {
        let all = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".c") || $0.hasSuffix(".h") || $0.hasSuffix(".cpp") }.sorted()
    }

    /// A copy of the whole tree in a new folder with a different name.
    func copy(label: String = "sinkmap-gate-copy") throws -> GateTestTree {
        let other = try GateTestTree(label)
        for file in try sources() { try other.write(file, try read(file)) }
        return other
    }

    /// The program described above.
    static func program(_ label: String = "sinkmap-gate") throws -> GateTestTree {
        let t = try GateTestTree(label)
        try t.write("include/llama.h", """
            #ifndef LLAMA_H
            #define LLAMA_H
            struct llama_model;
            struct llama_context;
            typedef int llama_token;
            struct llama_model * llama_model_load_from_file(const char * path);
            int llama_decode(struct llama_context * ctx, const llama_token * tokens, int n);
            #endif

            """)
        try t.write("include/app.h", """
            #ifndef APP_H
            #define APP_H
            #include "llama.h"
            struct llama_model * start(const char * path);
            int handle_chat(struct llama_context * ctx, const char * text);
            int handle_health(struct llama_context * ctx);
            #endif

            """)
        try t.write("src/main.c", """
            #include "app.h"

            int main(int argc, char ** argv) {
                struct llama_model * model = start(argc > 1 ? argv[1] : "model.gguf");
                struct llama_context * ctx = 0;
                if (model == 0) {
                    return 1;
                }
                handle_health(ctx);
                return handle_chat(ctx, "hello");
            }

            """)
        try t.write("src/handlers.c", """
            #include "app.h"

            static int run_model(struct llama_context * ctx, const char * text) {
                llama_token tokens[16];
                int n = 0;
                while (text[n] != 0 && n < 16) {
                    tokens[n] = (llama_token) text[n];
                    n++;
                }
                return llama_decode(ctx, tokens, n);
            }

            int handle_chat(struct llama_context * ctx, const char * text) {
                return run_model(ctx, text);
            }

            int handle_health(struct llama_context * ctx) {
                return ctx == 0;
            }

            """)
        try t.write("src/startup.c", """
            #include "app.h"

            struct llama_model * start(const char * path) {
                return llama_model_load_from_file(path);
            }

            """)
        return t
    }

    /// A new call from a handler to the sink: `main → handle_health → run_model@src/handlers.c → llama_decode`.
    func addCallFromHealthHandler() throws {
        try replace("src/handlers.c", "    return ctx == 0;", with: "    return run_model(ctx, \"ping\");")
    }

    /// Renames `handle_chat` everywhere (declaration, definition, call).
    func renameChatHandler(to name: String) throws {
        for file in ["include/app.h", "src/handlers.c", "src/main.c"] {
            try replace(file, "handle_chat", with: name)
        }
    }

    /// Blank lines and comments before and after every line of every file (including above every function).
    func insertBlankLinesAndComments() throws {
        for file in try sources() {
            let lines = try read(file).components(separatedBy: "\n")
            let padded = lines.map { "/* reviewed */\n\n// note\n\($0)\n\n" }.joined()
            try write(file, "/*\n * Licence header added by a formatter\n */\n\n\n" + padded)
        }
    }
}
