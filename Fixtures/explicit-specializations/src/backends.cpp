// Explicit specializations have bodies of their own: a call that selects one reaches that body, never the
// primary template's, and a call that selects the primary template never reaches the specialization.
// A stand-in for the llama.cpp C API, written for this fixture: declarations only.
struct llama_context;
int llama_decode(llama_context * ctx, int n_tokens);

static llama_context * g_ctx;

struct LlamaCtx {};
struct Dummy {};

static int pretend(int n) { return n; }

template <class T> struct Backend {
    int run(int n);
};
template <class T> int Backend<T>::run(int n) { return pretend(n); }
template <> int Backend<LlamaCtx>::run(int n) { return llama_decode(g_ctx, n); }

template <class T> int evaluate(T, int n) { return pretend(n); }
template <> int evaluate<LlamaCtx>(LlamaCtx, int n) { return llama_decode(g_ctx, n); }

int serve_llama(int n) {
    Backend<LlamaCtx> backend;
    return backend.run(n) + evaluate(LlamaCtx{}, n);
}

// The precision twin: the same calls with another type argument select the primary templates.
int serve_dummy(int n) {
    Backend<Dummy> backend;
    return backend.run(n) + evaluate(Dummy{}, n);
}
