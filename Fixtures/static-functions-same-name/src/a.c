#include "runs.h"

/* Same name as the helper in src/b.c, but internal linkage: a different function, helper@src/a.c. */
static int helper(struct llama_context * ctx, llama_token tok) {
    return llama_decode(ctx, llama_batch_get_one(&tok, 1));
}

int run_a(struct llama_context * ctx, llama_token tok) {
    return helper(ctx, tok);
}
