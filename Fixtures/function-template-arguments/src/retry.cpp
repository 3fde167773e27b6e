// A function passed as a template argument is called inside the template: `with_retry<llama_decode>(…)`.
// A stand-in for the llama.cpp C API, written for this fixture: declarations only.
struct llama_context;
int llama_decode(llama_context * ctx, int n_tokens);
int llama_encode(llama_context * ctx, int n_tokens);

static llama_context * g_ctx;

template <int (*Step)(llama_context *, int)>
int with_retry(int n) {
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (Step(g_ctx, n) == 0) return 0;
    }
    return -1;
}

int decode_with_retry(int n) { return with_retry<llama_decode>(n); }

// The precision twin: llama_encode has llama_decode's type and its address is taken, but it is never a
// template argument: with_retry never reaches it.
int (*g_encoder)(llama_context *, int) = llama_encode;
