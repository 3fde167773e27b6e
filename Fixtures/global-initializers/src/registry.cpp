#include "runtime.h"

// Static data member initializer: runs before main, in <initializer:src/registry.cpp>.
llama_context * Registry::shared_ctx = Registry::create_context();
