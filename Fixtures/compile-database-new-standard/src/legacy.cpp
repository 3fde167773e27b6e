// The precision twin: compiled with -std=gnu++17, which every libclang knows. It must stay C++17 — the call below
// exists only in a newer standard, so no path may start here.
#include "llama.h"

#if __cplusplus > 201703L
int legacy_decode(llama_context * ctx) { return llama_decode(ctx, nullptr, 0); }
#endif

int legacy_version() { return 17; }
