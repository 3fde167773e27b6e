#include <cstdio>

#include "service.h"

namespace svc {

// Left over from a debugging session: nothing calls it, so it is an entry point of its own.
void debug_dump_embeddings(const Runtime & rt, const std::string & text) {
    const llama_vocab * vocab = llama_model_get_vocab(rt.model);
    llama_token tokens[512];
    int32_t n = llama_tokenize(vocab, text.c_str(), (int32_t) text.size(), tokens, 512, true, false);
    if (n <= 0) {
        return;
    }
    int32_t rc = llama_encode(rt.ctx, llama_batch_get_one(tokens, n));
    std::fprintf(stderr, "debug: encoded %d tokens (rc=%d)\n", n, rc);
}

} // namespace svc
