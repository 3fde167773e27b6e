#pragma once

#include "llama.h"

// A vector index that computes embeddings when it is constructed and reads them back in its destructor.
class Index {
public:
    explicit Index(llama_model * model);
    ~Index();
    int size() const { return n_; }

private:
    llama_context * ctx_;
    int n_ = 0;
};

// No user-declared destructor.
struct Stats {
    int lookups = 0;
};

void build_index(llama_model * model);
void rebuild(llama_model * model);
int inspect(Index * index);
