#include <cstdio>

#include "index.h"

Index::Index(llama_model * model) {
    ctx_ = llama_init_from_model(model, llama_context_default_params());
}

Index::~Index() {
    const float * embeddings = llama_get_embeddings(ctx_);
    std::printf("flushing %p\n", (const void *) embeddings);
}

// A local object: Index::Index at its declaration, Index::~Index when it goes out of scope.
void build_index(llama_model * model) {
    Index index(model);
    Stats stats;
    stats.lookups = index.size();
}

// new runs the constructor, delete the destructor.
void rebuild(llama_model * model) {
    Index * fresh = new Index(model);
    std::printf("%d\n", fresh->size());
    delete fresh;
}

// Pointers and references to an Index destroy nothing.
int inspect(Index * index) {
    Index * alias = index;
    Index & ref = *alias;
    return ref.size();
}
