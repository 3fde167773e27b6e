#include <string.h>

#include "routes.h"

struct llama_context * g_ctx = NULL;
struct llama_sampler * g_sampler = NULL;
const struct llama_vocab * g_vocab = NULL;

int handle_classify(const char * body) {
    llama_token tokens[1] = { (llama_token) strlen(body) };
    return llama_decode(g_ctx, llama_batch_get_one(tokens, 1));
}

int handle_summarize(const char * body) {
    struct llama_chat_message msg = { "user", body };
    char buf[256];
    return llama_chat_apply_template(NULL, &msg, 1, true, buf, (int32_t) sizeof buf);
}

int handle_embed(const char * body) {
    (void) body;
    return llama_get_embeddings(g_ctx) != NULL ? 0 : -1;
}

int handle_chat(const char * body) {
    return llama_sampler_sample(g_sampler, g_ctx, (int32_t) strlen(body) - 1);
}

int validate_tokens(const char * body) {
    llama_token tokens[64];
    return llama_tokenize(g_vocab, body, (int32_t) strlen(body), tokens, 64, false, false) < 0 ? -1 : 0;
}

int admin_reload(const char * body) {
    return llama_model_load_from_file(body, llama_model_default_params()) != NULL ? 0 : -1;
}
