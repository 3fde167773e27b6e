#include "mylib/mylib.h"

#include <string.h>

#include "internal.h"
#include "llama.h"

static struct llama_model * g_model;
static struct llama_context * g_ctx;
static const struct llama_vocab * g_vocab;

int mylib_load(const char * path) {
    g_model = llama_model_load_from_file(path, llama_model_default_params());
    return g_model != 0;
}

int mylib_generate(const char * prompt) {
    llama_token tokens[64];
    int32_t n = llama_tokenize(g_vocab, prompt, (int32_t) strlen(prompt), tokens, 64, true, false);
    return llama_decode(g_ctx, llama_batch_get_one(tokens, n));
}

/* Public, and calls another public function. */
int mylib_chat(const char * user_message) {
    return mylib_generate(user_message);
}

int mylib_version(void) {
    return 1;
}

/* Declared in a private header: a plain root. */
void mylib_selftest(void) {
    llama_token token = 1;
    llama_decode(g_ctx, llama_batch_get_one(&token, 1));
}
