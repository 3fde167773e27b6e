/* Minimal stand-in for a few llama.cpp C API calls, written for this fixture: declarations only. */
#ifndef FIXTURE_LLAMA_H
#define FIXTURE_LLAMA_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct llama_model;
struct llama_context;

struct llama_context_params {
    uint32_t n_ctx;
};

struct llama_context_params llama_context_default_params(void);
struct llama_context * llama_init_from_model(struct llama_model * model, struct llama_context_params params);
float * llama_get_embeddings(struct llama_context * ctx);

#ifdef __cplusplus
}
#endif

#endif
