#include "engine.h"
#include "llama.h"

namespace engine {

std::vector<int> Tokenizer::encode(const std::string & text) const {
    std::vector<int> out(text.size() + 2);
    int n = llama_tokenize(vocab, text.c_str(), (int) text.size(), out.data(), (int) out.size(), true, false);
    out.resize(n > 0 ? n : 0);
    return out;
}

}  // namespace engine
