#include <string.h>

#include "steps.h"

struct llama_context * g_ctx = NULL;
struct llama_sampler * g_sampler = NULL;
const struct llama_vocab * g_vocab = NULL;

int tokenize_only(const char * text) {
    llama_token tokens[64];
    return llama_tokenize(g_vocab, text, (int32_t) strlen(text), tokens, 64, true, false);
}

int decode_full(const char * text) {
    llama_token tokens[1] = { (llama_token) strlen(text) };
    return llama_decode(g_ctx, llama_batch_get_one(tokens, 1));
}

int decode_fast(const char * text) {
    llama_token tokens[1] = { (llama_token) text[0] };
    return llama_encode(g_ctx, llama_batch_get_one(tokens, 1));
}

int render_chat(const char * text) {
    struct llama_chat_message msg = { "user", text };
    char buf[256];
    return llama_chat_apply_template(NULL, &msg, 1, true, buf, (int32_t) sizeof buf);
}
