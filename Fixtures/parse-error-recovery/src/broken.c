#include <string.h>

#include "app.h"

/* Intentional syntax error below: the declaration of n lacks its semicolon. */
int count_spaces(const char * text) {
    int n = 0
    for (const char * p = text; *p; ++p) {
        if (*p == ' ') {
            ++n;
        }
    }
    return n;
}

/* Correct code after the error: its call to llama_tokenize must still be found. */
int tokenize_line(const struct llama_vocab * vocab, const char * text) {
    llama_token tokens[256];
    return llama_tokenize(vocab, text, (int32_t) strlen(text), tokens, 256, true, false);
}
