#include "runs.h"

/* Same file basename (util.c) and same function name as in src/text/util.c: libclang's USR for a static
 * function holds only the basename, so the two are told apart by their path. */
static int prepare(struct llama_context * ctx, int n) {
    llama_token tok = (llama_token) n;
    return llama_decode(ctx, llama_batch_get_one(&tok, 1));
}

int run_decode(struct llama_context * ctx, int n) {
    return prepare(ctx, n);
}
