// The model behind the controller: plain C++ over llama.cpp's C API (the stand-in include/llama.h).
#pragma once

#include <string>

#include "llama.h"

struct llama_server_context {
  llama_context * ctx = nullptr;
  const llama_vocab * vocab = nullptr;

  int tokenize(const std::string & text) {
    llama_token tokens[64];
    return llama_tokenize(vocab, text.c_str(), (int32_t) text.size(), tokens, 64, true, false);
  }

  int complete(const std::string & prompt) {
    llama_token tokens[1] = { (llama_token) prompt.size() };
    return llama_decode(ctx, llama_batch_get_one(tokens, 1));
  }
};
