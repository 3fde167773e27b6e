/* A stand-in for one llama.cpp C API call, written for this fixture: a declaration only. */
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

struct llama_context;
struct llama_batch { int n_tokens; };
int llama_decode(struct llama_context * ctx, struct llama_batch batch);

#ifdef __cplusplus
}
#endif
