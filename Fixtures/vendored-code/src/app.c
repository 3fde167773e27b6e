/* The project's program: calls into the vendored submodule, which calls the model. */
#include "llama.h"

int mg_eval(struct llama_context * ctx, int n);

int main(void) { return mg_eval(0, 8); }
