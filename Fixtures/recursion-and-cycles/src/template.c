#include <string.h>

#include "walk.h"

/* expand and render call each other; expand tokenizes, render applies the chat template. */
int expand(const struct llama_vocab * vocab, const char * text, int depth) {
    llama_token tokens[256];
    if (depth > 4) {
        return llama_tokenize(vocab, text, (int32_t) strlen(text), tokens, 256, false, false);
    }
    return render(vocab, text, depth + 1);
}

int render(const struct llama_vocab * vocab, const char * text, int depth) {
    if (strchr(text, '{') != NULL) {
        return expand(vocab, text + 1, depth + 1);
    }
    struct llama_chat_message msg = { "user", text };
    char buf[1024];
    return llama_chat_apply_template(NULL, &msg, 1, true, buf, (int32_t) sizeof buf);
}

/* A cycle that nothing outside it calls: each is called by the other, so neither is a root. */
int orphan_a(struct llama_context * ctx, int n) {
    return n > 0 ? orphan_b(ctx, n - 1) : 0;
}

int orphan_b(struct llama_context * ctx, int n) {
    llama_token tok = (llama_token) n;
    llama_decode(ctx, llama_batch_get_one(&tok, 1));
    return orphan_a(ctx, n);
}
