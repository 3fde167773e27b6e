#include "engine.h"
#include "ggml_stub.h"

namespace engine {

// forward is API too (external linkage), but every route reaches it through chat: chat is the boundary.
int Pipeline::forward(const std::vector<int> & tokens) {
    return tokens.empty() ? 0 : ggml_backend_graph_compute(backend, graph);
}

std::string Pipeline::chat(const std::string & message) {
    return forward(tokenizer.encode(message)) == 0 ? "ok" : "error";
}

}  // namespace engine
