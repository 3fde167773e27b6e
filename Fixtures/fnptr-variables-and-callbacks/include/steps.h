#ifndef STEPS_H
#define STEPS_H

#include "llama.h"

typedef int (*step_fn)(const char * text);
typedef int (*sample_fn)(int n_vocab);

extern struct llama_context * g_ctx;
extern struct llama_sampler * g_sampler;
extern const struct llama_vocab * g_vocab;

/* A global function-pointer variable: set in main, called in notify. */
extern step_fn g_on_text;

/* steps.c: all of type int(const char *) */
int tokenize_only(const char * text);
int decode_full(const char * text);
int decode_fast(const char * text);
int render_chat(const char * text);

/* samplers.c */
int pick_greedy(int n_vocab);
int pick_random(int n_vocab);
int pick_unused(int n_vocab);
int pick_top_k(int n_vocab, int k);
int generate_with(sample_fn pick, int n_vocab);

/* Declared only: an external registry that keeps the callback. */
void register_sampler(const char * name, sample_fn pick);

/* run.c */
int run_local(const char * text, int fast);
int with_retry(step_fn step, const char * text);
int notify(const char * text);

#endif
