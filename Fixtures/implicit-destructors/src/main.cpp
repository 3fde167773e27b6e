#include "index.h"

int main(int argc, char ** argv) {
    (void) argv;
    llama_model * model = nullptr;
    build_index(model);
    rebuild(model);
    return argc > 1 ? inspect(nullptr) : 0;
}
