#ifndef MACROS_H
#define MACROS_H

#include <stdio.h>

#include "llama.h"

/* A macro that expands to a sink call. */
#define DECODE(ctx, b) llama_decode((ctx), (b))

/* A macro that expands to a call of a project function. */
#define RUN_STEP(ctx, tok) run_step((ctx), (tok))

/* An object-like macro naming the model loader, used as `LOAD_MODEL(path, params)`. */
#define LOAD_MODEL llama_model_load_from_file

/* Wraps any call: the calls in the argument are attributed to the function using CHECKED. */
#define CHECKED(expr) do { if ((expr) != 0) report_failure(#expr); } while (0)

/* Defined but never used: must produce no edge. */
#define TOKENIZE_ALL(v, s, out) llama_tokenize((v), (s), -1, (out), 512, true, true)

int run_step(struct llama_context * ctx, llama_token tok);
void warmup(struct llama_context * ctx);
void report_failure(const char * what);

#endif
