#include "runs.h"

int main(int argc, char ** argv) {
    if (argc < 2) {
        return 1;
    }
    struct llama_context * ctx = (struct llama_context *) 0;
    int n = run_b(argv[1]) + run_text(argv[1]);
    run_decode(ctx, n);
    return run_a(ctx, (llama_token) n);
}
