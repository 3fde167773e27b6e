// A stand-in for llama.cpp's C API as it was in 2023 (and as gpt4all's and LocalAI's forks keep it): declarations.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct llama_model;
struct llama_context;
typedef int llama_token;
struct llama_context_params { int n_ctx; };
struct llama_model * llama_load_model_from_file(const char * path, struct llama_context_params params);
struct llama_context * llama_new_context_with_model(struct llama_model * model, struct llama_context_params params);
int llama_eval(struct llama_context * ctx, const llama_token * tokens, int n_tokens, int n_past, int n_threads);
const char * llama_token_to_str(const struct llama_context * ctx, llama_token token);
llama_token llama_sample_token_greedy(struct llama_context * ctx, void * candidates);
#ifdef __cplusplus
}
#endif
