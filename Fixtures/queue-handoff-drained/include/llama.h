/* A stand-in for a few llama.cpp C API calls, written for this fixture: declarations only. */
#ifndef FIXTURE_LLAMA_H
#define FIXTURE_LLAMA_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t llama_token;

struct llama_model;
struct llama_context;
struct llama_vocab;
struct llama_model_params { int32_t n_gpu_layers; };
struct llama_batch { int32_t n_tokens; llama_token * token; };

struct llama_model_params llama_model_default_params(void);
struct llama_model * llama_model_load_from_file(const char * path_model, struct llama_model_params params);
int32_t llama_tokenize(const struct llama_vocab * vocab, const char * text, int32_t text_len, llama_token * tokens,
                       int32_t n_tokens_max, bool add_special, bool parse_special);
struct llama_batch llama_batch_get_one(llama_token * tokens, int32_t n_tokens);
int32_t llama_decode(struct llama_context * ctx, struct llama_batch batch);

#ifdef __cplusplus
}
#endif

#endif
