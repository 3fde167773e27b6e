// whisper.h is not in the tree: every call that touches its types is lost from the AST and recovered by name.
#include <whisper.h>

#include "llama.h"

int decode(int n);

// Static, and called only with arguments of a missing type: the recovered calls are this file's functions.
static int run_model(whisper_context * wctx, int n) {
    llama_batch batch{n};
    return llama_decode(nullptr, batch);
}

static void print_usage(const whisper_params & params) {
    (void) params;
}

// Members of values whose types are missing: `whisper_state::decode` (the declared type, as written), and the
// `decode` of whatever whisper_get_state returns — never the free `decode` of src/wrappers.cpp.
int transcribe(whisper_state * state, int n) {
    return state->decode(n) + whisper_get_state(state)->decode(n);
}

int main(int argc, char ** argv) {
    whisper_params params;
    whisper_context * wctx = whisper_init(params);
    print_usage(params);
    return run_model(wctx, argc) + decode(argc);
}
