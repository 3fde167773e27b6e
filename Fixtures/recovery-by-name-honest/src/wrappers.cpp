#include "llama.h"

// A free function named like a model class's member: a member call on a value of unknown type is not this.
int decode(int n) {
    llama_batch batch{n};
    return llama_decode(nullptr, batch);
}

// In a template, `model`'s type is dependent: `this->model.decode(b)` is the member of whatever M is, and with no
// instantiation in the program it stays a by-name member call — never the free `decode` above.
template <typename M>
struct Runner {
    M model;
    int run(int b) { return this->model.decode(b); }
};

template <typename T>
struct Holder {
    T inner;
    int go(int b) { return inner.engine.decode(b); }
};
