#ifndef WALK_H
#define WALK_H

#include "llama.h"

struct node {
    struct node * left;
    struct node * right;
    llama_token token;
};

/* tree.c: direct recursion */
int walk(struct llama_context * ctx, struct node * n);
int retry_decode(struct llama_context * ctx, llama_token tok, int attempts);

/* template.c: mutual recursion expand <-> render, and an unreachable cycle orphan_a <-> orphan_b */
int expand(const struct llama_vocab * vocab, const char * text, int depth);
int render(const struct llama_vocab * vocab, const char * text, int depth);
int orphan_a(struct llama_context * ctx, int n);
int orphan_b(struct llama_context * ctx, int n);

#endif
