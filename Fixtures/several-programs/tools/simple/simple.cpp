#include "llama.h"

int main(int argc, char ** argv) {
    llama_batch batch{argc};
    return llama_decode(nullptr, batch);
}
