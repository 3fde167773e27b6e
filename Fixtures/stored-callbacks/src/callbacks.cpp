// Callables kept in std::function members and called later: bound through a constructor argument and a member
// initializer, through a setter, and by assigning a function directly. Each call of the member reaches what
// was bound into that member of that class, and nothing bound into another class's member of the same type.
#include <functional>
#include <utility>

// A stand-in for the llama.cpp C API, written for this fixture: declarations only.
struct llama_context;
int llama_decode(llama_context * ctx, int n_tokens);
int llama_tokenize(llama_context * ctx, const char * text, int * tokens, int n_max);

static llama_context * g_ctx;

static void decode_tokens(int n) { llama_decode(g_ctx, n); }
static void count_tokens(int n) { int t[8]; llama_tokenize(g_ctx, "x", t, n); }
static void log_tokens(int) {}

// Bound through the constructor: `: on_batch_(std::move(on_batch))`.
struct BatchRunner {
    explicit BatchRunner(std::function<void(int)> on_batch) : on_batch_(std::move(on_batch)) {}
    void run(int n) { on_batch_(n); }
    std::function<void(int)> on_batch_;
};

// Bound through a setter, and by plain assignment of a function.
struct Tokenizer {
    std::function<void(int)> on_text;
    std::function<void(int)> on_done;
    void set_on_text(std::function<void(int)> cb) { on_text = std::move(cb); }
    void feed(int n) { on_text(n); }
    void finish(int n) { on_done(n); }
};

// The precision twin: a member of the same type in another class, bound only to log_tokens. Calling it must
// not reach decode_tokens or count_tokens.
struct Logger {
    std::function<void(int)> on_text;
    void set_on_text(std::function<void(int)> cb) { on_text = std::move(cb); }
    void feed(int n) { on_text(n); }
};

int main() {
    BatchRunner runner([](int n) { decode_tokens(n); });
    Tokenizer tokenizer;
    tokenizer.set_on_text(count_tokens);
    tokenizer.on_done = decode_tokens;
    Logger logger;
    logger.set_on_text(log_tokens);

    runner.run(4);
    tokenizer.feed(2);
    tokenizer.finish(1);
    logger.feed(3);
    return 0;
}
