#include "walk.h"

/* Direct recursion: walk calls itself and, at the leaves, llama_decode. */
int walk(struct llama_context * ctx, struct node * n) {
    if (n == NULL) {
        return 0;
    }
    if (n->left == NULL && n->right == NULL) {
        return llama_decode(ctx, llama_batch_get_one(&n->token, 1));
    }
    return walk(ctx, n->left) + walk(ctx, n->right);
}

/* Only calls itself: self-recursion does not make it "called", so it is a root. */
int retry_decode(struct llama_context * ctx, llama_token tok, int attempts) {
    if (attempts <= 0) {
        return -1;
    }
    if (llama_decode(ctx, llama_batch_get_one(&tok, 1)) == 0) {
        return 0;
    }
    return retry_decode(ctx, tok, attempts - 1);
}
