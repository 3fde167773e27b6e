#pragma once

#include "llama.h"

namespace eng {

class Session;

class Model {
public:
    // Static member function: called as eng::Model::open(path).
    static Model * open(const char * path);
    Session * new_session();
    const llama_vocab * vocab() const;

private:
    llama_model * handle_ = nullptr;
};

class Session {
public:
    Session(llama_context * ctx, const llama_vocab * vocab) : ctx_(ctx), vocab_(vocab) {}
    int run(const char * text);
    int tokenize(const char * text);
    int step();
    int size() const { return n_; }

private:
    llama_context * ctx_;
    const llama_vocab * vocab_;
    llama_token tokens_[256];
    int n_ = 0;
};

} // namespace eng
