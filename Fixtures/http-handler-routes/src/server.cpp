// An HTTP server in the style of cpp-httplib users: handlers handed to Server::Get/Post in four ways.
#include <string>

#include "httplib.h"
#include "llama.h"

static llama_context * g_ctx;
static const llama_vocab * g_vocab;
static llama_model * g_model;

static std::string complete(const std::string & prompt) {
    llama_token tokens[8] = {0};
    int32_t n = llama_tokenize(g_vocab, prompt.c_str(), (int32_t) prompt.size(), tokens, 8, true, false);
    return llama_decode(g_ctx, llama_batch_get_one(tokens, n)) == 0 ? "ok" : "error";
}

// A plain function as the handler.
static void handle_tokenize(const httplib::Request & req, httplib::Response & res) {
    llama_token tokens[64];
    int32_t n = llama_tokenize(g_vocab, req.body.c_str(), (int32_t) req.body.size(), tokens, 64, true, false);
    res.set_content(std::to_string(n), "text/plain");
}

int main() {
    httplib::Server svr;
    const std::string prefix = "/api";

    // A lambda written in the call, with a literal route.
    svr.Post("/completion", [](const httplib::Request & req, httplib::Response & res) {
        res.set_content(complete(req.body), "text/plain");
    });

    svr.Get("/tokenize", handle_tokenize);

    // A lambda kept in a local, registered for two routes, once through a wrapper (llama.cpp's server style).
    const auto handle_embeddings = [&](const httplib::Request & req, httplib::Response & res) {
        res.set_content(complete(req.body), "application/json");
    };
    const auto wrap = [](const httplib::Handler & h) -> httplib::Handler {
        return [h](const httplib::Request & req, httplib::Response & res) { h(req, res); };
    };
    svr.Post("/embedding", handle_embeddings);
    svr.Post("/v1/embeddings", wrap(handle_embeddings));

    // A route built from a constant (whisper.cpp's server style): resolved to POST /api/load, as written kept.
    svr.Post(prefix + "/load", [&](const httplib::Request & req, httplib::Response & res) {
        g_model = llama_model_load_from_file(req.get_file_value("model").content.c_str(), llama_model_default_params());
        res.set_content(g_model ? "loaded" : "failed", "text/plain");
    });

    // Reaches no sink.
    svr.Get("/health", [](const httplib::Request &, httplib::Response & res) {
        res.set_content("ok", "text/plain");
    });

    // The twin: a variable code may change is not a constant, so its part stays ${mount}.
    std::string mount = "/m";
    svr.Post(mount + "/reload", [&](const httplib::Request & req, httplib::Response & res) {
        res.set_content(complete(req.body), "text/plain");
    });

    return svr.listen("0.0.0.0", 8080) ? 0 : 1;
}
