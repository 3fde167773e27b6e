#pragma once

#include "llama.h"

// loader.cpp
llama_model * load_default_model();

class Registry {
public:
    static llama_context * shared_ctx;      // defined, with its initializer, in registry.cpp
    static llama_context * create_context();
};

class Warmup {
public:
    explicit Warmup(int n_tokens);
    int decoded;
};

// models.cpp
llama_model * current_model();
