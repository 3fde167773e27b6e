#include "llama.h"

int main(int argc, char ** argv) {
    llama_batch batch{argc + 1};
    return llama_decode(nullptr, batch);
}
