#include "walk.h"

int main(int argc, char ** argv) {
    struct llama_context * ctx = (struct llama_context *) 0;
    const struct llama_vocab * vocab = (const struct llama_vocab *) 0;
    struct node leaf = { NULL, NULL, 7 };
    struct node root = { &leaf, NULL, 0 };
    if (argc < 2) {
        return 1;
    }
    walk(ctx, &root);
    expand(vocab, argv[1], 0);
    return render(vocab, argv[1], 0);
}
