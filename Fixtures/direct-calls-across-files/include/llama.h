/* Minimal stand-in for llama.cpp's public C API, written for sinkmap's fixtures.
 * Declarations only: nothing here is defined, so every llama_* call is an external call. */
#ifndef FIXTURE_LLAMA_H
#define FIXTURE_LLAMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int32_t llama_token;

struct llama_model;
struct llama_context;
struct llama_vocab;
struct llama_sampler;

struct llama_model_params {
    int32_t n_gpu_layers;
    bool use_mmap;
};

struct llama_context_params {
    uint32_t n_ctx;
    uint32_t n_batch;
};

struct llama_batch {
    int32_t n_tokens;
    llama_token * token;
};

struct llama_chat_message {
    const char * role;
    const char * content;
};

struct llama_model_params   llama_model_default_params(void);
struct llama_context_params llama_context_default_params(void);

struct llama_model * llama_model_load_from_file(const char * path_model, struct llama_model_params params);
struct llama_context * llama_init_from_model(struct llama_model * model, struct llama_context_params params);
const struct llama_vocab * llama_model_get_vocab(const struct llama_model * model);

int32_t llama_tokenize(const struct llama_vocab * vocab, const char * text, int32_t text_len,
                       llama_token * tokens, int32_t n_tokens_max, bool add_special, bool parse_special);

struct llama_batch llama_batch_get_one(llama_token * tokens, int32_t n_tokens);
int32_t llama_decode(struct llama_context * ctx, struct llama_batch batch);
int32_t llama_encode(struct llama_context * ctx, struct llama_batch batch);

int32_t llama_chat_apply_template(const char * tmpl, const struct llama_chat_message * chat, size_t n_msg,
                                  bool add_ass, char * buf, int32_t length);

llama_token llama_sampler_sample(struct llama_sampler * smpl, struct llama_context * ctx, int32_t idx);

#ifdef __cplusplus
}
#endif

#endif
