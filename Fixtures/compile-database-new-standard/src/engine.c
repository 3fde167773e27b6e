// Compiled with -std=c23 (a GCC 14 database): libclang before 18 calls it c2x.
#include "llama.h"
#include "engine.h"

[[nodiscard]] static int path_ok(const char * path) { return path && path[0]; }

struct llama_model * engine_load(const char * path) {
    if (!path_ok(path)) return 0;
    return llama_model_load_from_file(path);
}
