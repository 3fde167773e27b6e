#pragma once

#include "llama.h"

class Model {
public:
    explicit Model(const char * path);
    llama_model * handle;
};

class Tokenizer {
public:
    explicit Tokenizer(const Model & model);
    int encode(const char * text, llama_token * out, int max);

private:
    const llama_vocab * vocab_;
    llama_token bos_[4];
};

class Decoder {
public:
    Decoder(const Model & model, unsigned n_ctx);
    int step(llama_token * tokens, int n);

private:
    llama_context * ctx_;
};

class Pipeline {
public:
    explicit Pipeline(const char * path);
    int ask(const char * text);

private:
    Model model_;
    Tokenizer * tok_;
};
