#include <ctype.h>
#include <string.h>

#include "app.h"

int count_words(const char * line) {
    int n = 0;
    int in_word = 0;
    for (const char * p = line; *p; ++p) {
        if (isspace((unsigned char) *p)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            ++n;
        }
    }
    return n;
}

int process_line(struct llama_context * ctx, const char * line) {
    llama_token tokens[256];
    int n = count_words(line);
    if (n <= 0 || n > 256) {
        return -1;
    }
    for (int i = 0; i < n; ++i) {
        tokens[i] = (llama_token) (line[i] & 0x7f);
    }
    return llama_decode(ctx, llama_batch_get_one(tokens, n));
}
