#include "llama.h"

int log_line(int n);   // tools/simple/helpers.cpp, linked into this program

// simple's run_model: same name, same signature as chat's, but it only counts. Merging the two would invent a path
// from this main to llama_decode through chat's.
int run_model(int n) {
    return n * 2;
}

int main(int argc, char ** argv) {
    llama_batch batch{argc};
    return llama_decode(nullptr, batch) + run_model(argc) + log_line(argc);
}
