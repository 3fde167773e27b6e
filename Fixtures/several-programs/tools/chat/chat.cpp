#include "llama.h"

int log_line(int n);   // tools/chat/helpers.cpp, linked into this program

// Each program of the tree defines its own external run_model: this one decodes.
int run_model(int n) {
    llama_batch batch{n};
    return llama_decode(nullptr, batch);
}

int main(int argc, char ** argv) {
    llama_batch batch{argc + 1};
    return llama_decode(nullptr, batch) + run_model(argc) + log_line(argc);
}
