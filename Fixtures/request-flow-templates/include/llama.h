/* A stand-in for a few llama.cpp C API calls, written for this fixture: declarations only. */
#ifndef FIXTURE_LLAMA_H
#define FIXTURE_LLAMA_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t llama_token;

struct llama_context;
struct llama_vocab;
struct llama_sampler;
struct llama_batch { int32_t n_tokens; llama_token * token; };

int32_t llama_tokenize(const struct llama_vocab * vocab, const char * text, int32_t text_len, llama_token * tokens,
                       int32_t n_tokens_max, bool add_special, bool parse_special);
struct llama_batch llama_batch_get_one(llama_token * tokens, int32_t n_tokens);
int32_t llama_decode(struct llama_context * ctx, struct llama_batch batch);
llama_token llama_sampler_sample(struct llama_sampler * smpl, struct llama_context * ctx, int32_t idx);
int32_t llama_token_to_piece(const struct llama_vocab * vocab, llama_token token, char * buf, int32_t length,
                             int32_t lstrip, bool special);

#ifdef __cplusplus
}
#endif

#endif
