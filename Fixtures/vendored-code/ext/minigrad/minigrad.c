/* A submodule (.gitmodules names ext/minigrad): vendored. Its test main and its uncalled helper are not the
   project's entry points; mg_eval, which the project calls, stays on the project's path. */
#include "llama.h"

int mg_eval(struct llama_context * ctx, int n) { return llama_decode(ctx, n); }

static int mg_selftest(void) { return llama_decode(0, 1); }

int main(void) { return mg_selftest(); }
