#include "macros.h"

void report_failure(const char * what) {
    fprintf(stderr, "failed: %s\n", what);
}

int run_step(struct llama_context * ctx, llama_token tok) {
    return DECODE(ctx, llama_batch_get_one(&tok, 1));
}

void warmup(struct llama_context * ctx) {
    llama_token bos = 1;
    CHECKED(DECODE(ctx, llama_batch_get_one(&bos, 1)));
}
