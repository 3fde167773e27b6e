#ifndef RUNS_H
#define RUNS_H

#include "llama.h"

int run_a(struct llama_context * ctx, llama_token tok);   /* src/a.c */
int run_b(const char * text);                              /* src/b.c */
int run_decode(struct llama_context * ctx, int n);         /* src/decode/util.c */
int run_text(const char * text);                           /* src/text/util.c */

#endif
