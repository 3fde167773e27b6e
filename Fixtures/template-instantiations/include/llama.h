/* Minimal stand-in for a few llama.cpp C API calls, written for this fixture: declarations only. */
#ifndef FIXTURE_LLAMA_H
#define FIXTURE_LLAMA_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t llama_token;

struct llama_context;

struct llama_batch {
    int32_t n_tokens;
    llama_token * token;
};

struct llama_batch llama_batch_get_one(llama_token * tokens, int32_t n_tokens);
int32_t llama_decode(struct llama_context * ctx, struct llama_batch batch);
int32_t llama_encode(struct llama_context * ctx, struct llama_batch batch);

#ifdef __cplusplus
}
#endif

#endif
