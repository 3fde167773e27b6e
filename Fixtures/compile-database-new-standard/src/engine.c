// Compiled with -std=c23 (a GCC 14 database): libclang before 18 calls it c2x.
#include "llama.h"
#include "engine.h"

[[nodiscard]] static int path_ok(const char * path) { return path && path[0]; }

struct llama_model * engine_load(const char * path) {
    if (!path_ok(path)) return 0;
    return llama_model_load_from_file(path);
}

#ifdef __AVX2__
// -mavx2 is a target flag, not a GCC-only one: kept, so this function exists.
int engine_avx2(const int * tokens) { return llama_decode(0, tokens, 8); }
#endif
