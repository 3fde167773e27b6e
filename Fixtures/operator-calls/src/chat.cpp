#include <cstring>

#include "chat.h"

Chat::Chat(llama_context * ctx) : ctx_(ctx) {}

int Chat::operator()(const Prompt & msg) {
    llama_token tokens[1024];
    int n = llama_tokenize(msg.vocab, msg.text, (int32_t) std::strlen(msg.text), tokens, 1024, true, false);
    if (n <= 0) {
        return -1;
    }
    return llama_decode(ctx_, llama_batch_get_one(tokens, n));
}
