// A chat program written against llama.cpp's 2023 API.
#include <cstdio>
#include "common.h"

// The precision twin: the application's own function named like the old API, in its own namespace. Not a sink.
namespace app {
int llama_eval(int n) { return n * 2; }
}

int main(int argc, char ** argv) {
    gpt_params params;
    if (argc > 1) params.model = argv[1];
    auto init = llama_init_from_gpt_params(params);
    llama_model * model = std::get<0>(init);
    llama_context * ctx = std::get<1>(init);
    llama_token tokens[2] = {1, 2};
    llama_eval(ctx, tokens, 2, 0, 4);
    llama_token next = llama_sample_token_greedy(ctx, nullptr);
    std::puts(llama_token_to_str(ctx, next));
    llama_context_params cparams = {512};
    llama_model * other = llama_load_model_from_file("draft.gguf", cparams);
    llama_new_context_with_model(other, cparams);
    app::llama_eval(3);
    (void) model;
    return 0;
}
