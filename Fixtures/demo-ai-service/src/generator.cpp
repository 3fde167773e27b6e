#include "service.h"

namespace svc {

Generator::Generator(const Runtime & rt) : rt_(rt) {}

// Token ids are returned as numbers: detokenizing is left out of the demo.
std::string Generator::generate(const std::string & prompt, int max_tokens) {
    const llama_vocab * vocab = llama_model_get_vocab(rt_.model);
    std::vector<llama_token> tokens(prompt.size() + 8);
    // parse_special = true: control tokens written in the prompt text are honoured.
    int32_t n = llama_tokenize(vocab, prompt.c_str(), (int32_t) prompt.size(), tokens.data(), (int32_t) tokens.size(),
                               true, true);
    if (n < 0) {
        return "error: prompt too long";
    }
    if (llama_decode(rt_.ctx, llama_batch_get_one(tokens.data(), n)) != 0) {
        return "error: decode failed";
    }
    std::string out;
    for (int i = 0; i < max_tokens; ++i) {
        llama_token tok = llama_sampler_sample(rt_.sampler, rt_.ctx, -1);
        out += std::to_string(tok);
        out += ' ';
        if (llama_decode(rt_.ctx, llama_batch_get_one(&tok, 1)) != 0) {
            break;
        }
    }
    return out;
}

} // namespace svc
