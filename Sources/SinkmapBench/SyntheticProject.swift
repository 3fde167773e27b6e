import Foundation

/// A generated C++ project shaped like a mid-sized AI service: `units` translation units in layers, each
/// including the heavy standard headers through a shared project header, calling the layers below directly,
/// through virtual handlers and through function-pointer tables, and every fifth calling a llama.cpp sink
/// declared in a project header. Written with a compile_commands.json (`-std=gnu++17`).
struct SyntheticProject {
    var units: Int
    /// Modules per layer; a module calls into the one or two layers below it.
    var layerWidth = 5
    /// The project header every unit includes, relative to the root: the one the header figures edit.
    static let sharedHeader = "include/app/base.h"

    /// Writes the project under `root` and returns the path of each .cpp file, main.cpp last.
    func write(to root: String) throws -> [String] {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/include/app", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/src", withIntermediateDirectories: true)
        try write(Self.llamaHeader, root + "/include/llama.h")
        try write(Self.baseHeader, root + "/" + Self.sharedHeader)
        var sources: [String] = []
        let modules = max(units - 1, 1)
        for m in 0..<modules {
            try write(header(m), root + "/include/app/mod\(m).h")
            let path = root + "/src/layer\(m / layerWidth)/mod\(m).cpp"
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try write(source(m), path)
            sources.append(path)
        }
        try write(main(modules: modules), root + "/src/main.cpp")
        sources.append(root + "/src/main.cpp")
        try writeCompileCommands(root: root, sources: sources)
        return sources
    }

    /// Modules module `m` calls: the same position one layer down and the next one, two layers down.
    private func lower(_ m: Int) -> [Int] {
        let layer = m / layerWidth, slot = m % layerWidth
        guard layer > 0 else { return [] }
        var out = [(layer - 1) * layerWidth + slot, (layer - 1) * layerWidth + (slot + 1) % layerWidth]
        if layer > 1 { out.append((layer - 2) * layerWidth + (slot + 2) % layerWidth) }
        return out
    }

    private func header(_ m: Int) -> String {
        """
        #pragma once
        #include "app/base.h"

        namespace mod\(m) {
        int step(app::Request &req);
        int stage(app::Request &req, int depth);
        std::string describe(const app::Request &req);
        std::unique_ptr<app::Handler> make_handler();
        int dispatch(int op, app::Request &req);
        }

        """
    }

    private func source(_ m: Int) -> String {
        let calls = lower(m)
        let includes = calls.map { "#include \"app/mod\($0).h\"" }.joined(separator: "\n")
        let callsInStep = calls.map { "    total += mod\($0)::stage(req, 1);" }.joined(separator: "\n")
        let dispatchLower = calls.first.map { "    total += mod\($0)::dispatch(op + 1, req);" } ?? ""
        let handlerLower = calls.last.map { "        auto inner = mod\($0)::make_handler();\n        n += inner->run(req);" } ?? ""
        let sink: String
        switch m % 5 {
        case 0: sink = "    total += llama_decode(app::context(), app::batch_of(req));"
        case 1: sink = "    total += llama_tokenize(app::vocab(), req.prompt.c_str(), (int32_t)req.prompt.size(), nullptr, 0, true, false);"
        case 2: sink = "    if (req.tokens.empty()) app::load_model(\"model.gguf\");"
        default: sink = ""
        }
        return """
        #include <vector>
        #include <string>
        #include <map>
        #include <functional>
        #include <memory>
        #include <algorithm>
        #include <sstream>
        #include "app/mod\(m).h"
        #include "llama.h"
        \(includes)

        namespace mod\(m) {
        namespace {
        int helper(app::Request &req, int k) {
            std::vector<int> scratch(req.tokens.begin(), req.tokens.end());
            std::sort(scratch.begin(), scratch.end());
            std::map<std::string, int> seen;
            for (int t : scratch) seen[std::to_string(t)] += k;
            return (int)seen.size();
        }

        int op_count(app::Request &req) { return (int)req.tokens.size(); }
        int op_hash(app::Request &req) { return (int)std::hash<std::string>{}(req.prompt); }
        int op_fill(app::Request &req) { req.tokens.push_back(\(m)); return 1; }

        using Op = int (*)(app::Request &);
        const Op ops[] = {&op_count, &op_hash, &op_fill};

        class Handler final : public app::Handler {
        public:
            int run(app::Request &req) override {
                int n = helper(req, \(m));
        \(handlerLower)
                return n;
            }
            std::string name() const override { return "mod\(m)"; }
        };
        }  // namespace

        int dispatch(int op, app::Request &req) {
            int total = ops[op % 3](req);
        \(dispatchLower)
            return total;
        }

        int stage(app::Request &req, int depth) {
            std::function<int(int)> again = [&](int d) { return d > 0 ? helper(req, d) : 0; };
            int total = again(depth);
        \(sink)
            return total + app::checksum(req.tokens);
        }

        int step(app::Request &req) {
            int total = stage(req, 0);
        \(callsInStep)
            total += dispatch(total, req);
            return total;
        }

        std::string describe(const app::Request &req) {
            std::ostringstream out;
            out << "mod\(m):" << req.prompt.size();
            return out.str();
        }

        std::unique_ptr<app::Handler> make_handler() { return std::make_unique<Handler>(); }
        }  // namespace mod\(m)

        """
    }

    private func main(modules: Int) -> String {
        let top = Array(max(0, modules - layerWidth)..<modules)
        let includes = top.map { "#include \"app/mod\($0).h\"" }.joined(separator: "\n")
        let steps = top.map { "    total += mod\($0)::step(req);" }.joined(separator: "\n")
        let handlers = top.map { "    handlers.push_back(mod\($0)::make_handler());" }.joined(separator: "\n")
        return """
        #include <vector>
        #include <string>
        #include <map>
        #include <functional>
        #include <memory>
        #include "app/base.h"
        #include "llama.h"
        \(includes)

        int main(int argc, char **argv) {
            app::Request req;
            req.prompt = argc > 1 ? argv[1] : "hello";
            app::load_model("model.gguf");
            int total = 0;
        \(steps)
            std::vector<std::unique_ptr<app::Handler>> handlers;
        \(handlers)
            for (auto &h : handlers) total += h->run(req);
            return total & 1;
        }

        """
    }

    private func writeCompileCommands(root: String, sources: [String]) throws {
        let entries: [[String: Any]] = sources.map { file in
            let rel = String(file.dropFirst(root.count + 1))
            // As CMake writes them: the source named by its absolute path in the arguments too.
            let object = "build/" + rel.replacingOccurrences(of: ".cpp", with: ".o")
            return ["directory": root, "file": file,
                    "arguments": ["/usr/bin/c++", "-std=gnu++17", "-Iinclude", "-DNDEBUG", "-O2", "-o", object, "-c", file]]
        }
        let data = try JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: root + "/compile_commands.json"))
    }

    private func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let llamaHeader = """
    #pragma once
    #include <stdint.h>
    #include <stdbool.h>
    #ifdef __cplusplus
    extern "C" {
    #endif
    struct llama_model;
    struct llama_context;
    struct llama_vocab;
    typedef int32_t llama_token;
    typedef struct llama_batch { int32_t n_tokens; llama_token *token; } llama_batch;
    struct llama_model *llama_model_load_from_file(const char *path, void *params);
    int32_t llama_decode(struct llama_context *ctx, llama_batch batch);
    int32_t llama_tokenize(const struct llama_vocab *vocab, const char *text, int32_t text_len, llama_token *tokens,
                           int32_t n_tokens_max, bool add_special, bool parse_special);
    #ifdef __cplusplus
    }
    #endif

    """

    /// Shared by every unit: the heavy standard headers and inline bodies every unit re-parses.
    static let baseHeader = """
    #pragma once
    #include <vector>
    #include <string>
    #include <map>
    #include <unordered_map>
    #include <functional>
    #include <memory>
    #include <numeric>
    #include "llama.h"

    namespace app {
    struct Request {
        std::string prompt;
        std::vector<llama_token> tokens;
        std::map<std::string, std::string> headers;
    };

    class Handler {
    public:
        virtual ~Handler() = default;
        virtual int run(Request &req) = 0;
        virtual std::string name() const = 0;
    };

    inline llama_context *context() { static llama_context *ctx = nullptr; return ctx; }
    inline const llama_vocab *vocab() { static const llama_vocab *v = nullptr; return v; }
    inline llama_batch batch_of(Request &req) {
        return llama_batch{(int32_t)req.tokens.size(), req.tokens.data()};
    }
    inline llama_model *load_model(const std::string &path) {
        static std::unordered_map<std::string, llama_model *> cache;
        auto it = cache.find(path);
        if (it != cache.end()) return it->second;
        return cache[path] = llama_model_load_from_file(path.c_str(), nullptr);
    }
    template <typename T> int checksum(const std::vector<T> &v) {
        return (int)std::accumulate(v.begin(), v.end(), T{}, [](T a, T b) { return a * 31 + b; });
    }
    }  // namespace app

    """
}
