#include "pipeline.h"

// Member initializers: model_(path) runs Model::Model, tok_(new Tokenizer(model_)) runs Tokenizer::Tokenizer.
Pipeline::Pipeline(const char * path) : model_(path), tok_(new Tokenizer(model_)) {}

int Pipeline::ask(const char * text) {
    llama_token tokens[512];
    int n = tok_->encode(text, tokens, 512);
    // A temporary: Decoder::Decoder runs, then step() is called on it.
    return Decoder(model_, 2048).step(tokens, n);
}
