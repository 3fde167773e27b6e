#include <cstring>

#include "engine.h"

namespace eng {

Model * Model::open(const char * path) {
    Model * m = new Model;
    m->handle_ = llama_model_load_from_file(path, llama_model_default_params());
    return m;
}

Session * Model::new_session() {
    llama_context * ctx = llama_init_from_model(handle_, llama_context_default_params());
    return new Session(ctx, vocab());
}

const llama_vocab * Model::vocab() const {
    return llama_model_get_vocab(handle_);
}

int Session::tokenize(const char * text) {
    n_ = llama_tokenize(vocab_, text, (int32_t) std::strlen(text), tokens_, 256, true, false);
    return n_;
}

int Session::step() {
    return llama_decode(ctx_, llama_batch_get_one(tokens_, n_));
}

// Calls on the implicit `this`.
int Session::run(const char * text) {
    if (tokenize(text) <= 0) {
        return -1;
    }
    return step();
}

} // namespace eng
