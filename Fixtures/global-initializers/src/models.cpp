#include "runtime.h"

// Namespace-scope static initialized by a call: runs before main, in <initializer:src/models.cpp>.
static llama_model * g_model = load_default_model();

// Global object whose constructor runs before main, in the same initializer.
Warmup g_warmup(8);

llama_model * current_model() {
    return g_model;
}
