#include "runtime.h"

llama_model * load_default_model() {
    return llama_model_load_from_file("models/default.gguf", llama_model_default_params());
}

llama_context * Registry::create_context() {
    return llama_init_from_model(load_default_model(), llama_context_default_params());
}

Warmup::Warmup(int n_tokens) : decoded(0) {
    llama_token tokens[64] = {1};
    if (Registry::shared_ctx != nullptr && n_tokens <= 64) {
        decoded = llama_decode(Registry::shared_ctx, llama_batch_get_one(tokens, n_tokens)) == 0 ? n_tokens : 0;
    }
}
