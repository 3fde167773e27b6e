#include "llama.h"
#include "usage.h"

// tool-a's print_usage warms the model up (contrived, so the binding shows).
int print_usage(int argc) {
    llama_batch batch{argc};
    return llama_decode(nullptr, batch);
}
