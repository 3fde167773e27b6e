#include <string>

#include "llama.h"

llama_context * g_ctx = nullptr;
const llama_vocab * g_vocab = nullptr;

int count_tokens(const std::string & text) {
    llama_token tokens[64];
    return llama_tokenize(g_vocab, text.c_str(), (int32_t) text.size(), tokens, 64, true, false);
}

std::string generate(const std::string & prompt) {
    llama_token tokens[1] = { (llama_token) prompt.size() };
    return llama_decode(g_ctx, llama_batch_get_one(tokens, 1)) == 0 ? "ok" : "error";
}
