// Lambdas that travel before they are called, the way llama.cpp's server builds its routes: an implementation
// lambda captured by reference into each route's handler and called there; a lambda kept in a local and
// handed to a function taking std::function or a forwarding reference; a lambda returned from a factory; a
// lambda created inside another lambda and called there.
#include <functional>
#include <string>

#include "httplib.h"

// A stand-in for the llama.cpp C API, written for this fixture: declarations only.
struct llama_context;
int llama_decode(llama_context * ctx, int n_tokens);
int llama_tokenize(llama_context * ctx, const char * text, int * tokens, int n_max);

static llama_context * g_ctx;

static void run_now(std::function<void()> job) { job(); }
static void run_other(std::function<void()> job) { job(); }

template <class F>
static void with_lock(F && f) { f(); }

static auto make_tokenizer() {
    return [](const std::string & text) { int t[8]; return llama_tokenize(g_ctx, text.c_str(), t, 8); };
}

int main() {
    httplib::Server svr;

    const auto completions_impl = [](const std::string & prompt) { llama_decode(g_ctx, (int) prompt.size()); };
    const auto warm = [] { llama_decode(g_ctx, 1); };
    const auto noop = [] {};

    // Captured by reference and called: the route reaches the implementation.
    const auto handle_completions = [&completions_impl](const httplib::Request & req, httplib::Response &) {
        completions_impl(req.body);
    };
    // Captures it too, but never calls it: no edge (the precision twin).
    const auto handle_health = [&completions_impl](const httplib::Request &, httplib::Response & res) {
        res.set_content("ok", "text/plain");
    };
    // A local lambda handed on through std::function and a forwarding reference; the other helper only ever
    // gets `noop`.
    const auto handle_warmup = [&warm, &noop](const httplib::Request &, httplib::Response &) {
        run_now(warm);
        run_other(noop);
        with_lock([&] { warm(); });
    };
    // Returned from a factory; created inside the handler and called there.
    const auto handle_tokenize = [](const httplib::Request & req, httplib::Response &) {
        auto tokenize = make_tokenizer();
        tokenize(req.body);
        auto inner = [&req] { llama_decode(g_ctx, (int) req.body.size()); };
        inner();
    };

    svr.Post("/completion", handle_completions);
    svr.Get("/health", handle_health);
    svr.Post("/warmup", handle_warmup);
    svr.Post("/tokenize", handle_tokenize);
    return svr.listen("127.0.0.1", 8080) ? 0 : 1;
}
