#include <string>

#include "acme_queue.h"
#include "llama.h"

static llama_context * g_ctx;
static const llama_vocab * g_vocab;

int mylib_generate(const std::string & prompt) {
    llama_token tokens[64];
    int32_t n = llama_tokenize(g_vocab, prompt.c_str(), (int32_t) prompt.size(), tokens, 64, true, false);
    return llama_decode(g_ctx, llama_batch_get_one(tokens, n));
}

int mylib_chat(const std::string & message) {
    return mylib_generate("User: " + message);
}

namespace jobs {
void run_nightly() {
    mylib_generate("summarize the day");
}
} // namespace jobs

// Reads a project-defined source (acme::Queue::pop, from sinkmap.yml).
void consume(acme::Queue & queue) {
    mylib_chat(queue.pop());
}

int main() {
    jobs::run_nightly();
    return 0;
}
