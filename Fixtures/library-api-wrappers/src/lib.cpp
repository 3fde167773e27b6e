#include <cstring>
#include "llama.h"
#include "mylib.h"

static llama_context * g_ctx;

static int run_decode(const char * prompt) {
    llama_token tokens[1] = {(llama_token) std::strlen(prompt)};
    return llama_decode(g_ctx, llama_batch_get_one(tokens, 1));
}

extern "C" int mylib_generate(const char * prompt) { return run_decode(prompt); }
extern "C" const char * mylib_version(void) { return "1.0"; }
