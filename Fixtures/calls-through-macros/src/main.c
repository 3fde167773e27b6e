#include "macros.h"

int main(int argc, char ** argv) {
    if (argc < 2) {
        return 1;
    }
    struct llama_model * model = LOAD_MODEL(argv[1], llama_model_default_params());
    struct llama_context * ctx = llama_init_from_model(model, llama_context_default_params());
    warmup(ctx);
    return RUN_STEP(ctx, 42);
}
