#include "backends.h"
#include "llama.h"

static llama_context * g_ctx;

// Static: the backends' own helper, not API.
static int decode_all(const std::string & prompt) {
    llama_token tokens[1] = {(llama_token) prompt.size()};
    return llama_decode(g_ctx, llama_batch_get_one(tokens, 1));
}

namespace cpu { int generate(const std::string & prompt) { return decode_all(prompt); } }
namespace gpu { int generate(const std::string & prompt) { return decode_all(prompt); } }
