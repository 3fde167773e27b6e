#include "llama.h"

typedef int (^Step)(const char * text);

static int run_step(Step step, const char * text) {
    return step(text);
}

int main(int argc, char ** argv) {
    struct llama_context * ctx = 0;
    Step tokenize = ^(const char * text) {
        return llama_tokenize(0, text, 0, 0, 0, 1, 0);
    };
    run_step(tokenize, argc > 1 ? argv[1] : "");
    void (^decode)(void) = ^{
        llama_decode(ctx, 1);
    };
    decode();
    return 0;
}
