#include <cstring>

#include "pipeline.h"

Model::Model(const char * path) {
    handle = llama_model_load_from_file(path, llama_model_default_params());
}

// A tokenizer that checks the vocabulary by tokenizing an empty string at construction.
Tokenizer::Tokenizer(const Model & model) : vocab_(llama_model_get_vocab(model.handle)) {
    llama_tokenize(vocab_, "", 0, bos_, 4, true, false);
}

int Tokenizer::encode(const char * text, llama_token * out, int max) {
    return llama_tokenize(vocab_, text, (int32_t) std::strlen(text), out, max, true, false);
}

Decoder::Decoder(const Model & model, unsigned n_ctx) {
    llama_context_params params = llama_context_default_params();
    params.n_ctx = n_ctx;
    ctx_ = llama_init_from_model(model.handle, params);
}

int Decoder::step(llama_token * tokens, int n) {
    return llama_decode(ctx_, llama_batch_get_one(tokens, n));
}
