#include "llama.h"

// Does not reach the model: its main must not borrow the other programs' paths.
int main(int argc, const char ** argv) {
    return argc > 1 ? 0 : 1;
}
