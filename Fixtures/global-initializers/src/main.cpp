#include <cstdio>

#include "runtime.h"

// Constant initialization only: this file has no initializer function.
static const char * const kGreeting = "ready";

int main() {
    std::printf("%s %p\n", kGreeting, (void *) current_model());
    return Registry::shared_ctx != nullptr ? 0 : 1;
}
