#pragma once

#include "llama.h"

struct Prompt {
    const llama_vocab * vocab;
    char text[1024];
    int n_tokens;
};

Prompt make_prompt(const llama_vocab * vocab, const char * text);

// Concatenates two prompts and counts the tokens of the result.
Prompt operator+(const Prompt & a, const Prompt & b);

bool operator==(const Prompt & a, const Prompt & b);

class Chat {
public:
    explicit Chat(llama_context * ctx);
    // Feeds the prompt to the model.
    int operator()(const Prompt & msg);

private:
    llama_context * ctx_;
};
