#include <cstdio>
#include <cstring>

#include "chat.h"

Prompt make_prompt(const llama_vocab * vocab, const char * text) {
    Prompt p;
    p.vocab = vocab;
    std::snprintf(p.text, sizeof p.text, "%s", text);
    p.n_tokens = -1;
    return p;
}

Prompt operator+(const Prompt & a, const Prompt & b) {
    Prompt sum;
    sum.vocab = a.vocab;
    std::snprintf(sum.text, sizeof sum.text, "%s\n%s", a.text, b.text);
    llama_token scratch[1024];
    sum.n_tokens = llama_tokenize(sum.vocab, sum.text, (int32_t) std::strlen(sum.text), scratch, 1024, true, false);
    return sum;
}

bool operator==(const Prompt & a, const Prompt & b) {
    return std::strcmp(a.text, b.text) == 0;
}
