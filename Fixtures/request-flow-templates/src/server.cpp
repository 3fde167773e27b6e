// Request text through std::format, and request tokens through iterators into a function template (llama.cpp's
// server: `tokens_to_str(ctx, tokens.cbegin(), tokens.cend())` for POST /detokenize). Each has a twin that must not
// flow.
#include <string>
#include <vector>

#include "common.h"
#include "format.h"
#include "httplib.h"
#include "json.h"
#include "llama.h"

static llama_context * g_ctx;
static const llama_vocab * g_vocab;

static int evaluate(const std::string & prompt) {
    llama_token tokens[256];
    int32_t n = llama_tokenize(g_vocab, prompt.c_str(), (int32_t) prompt.size(), tokens, 256, true, false);
    return n;
}

// The server's helper: each token between two iterators, turned into text.
template <class Iter>
static std::string tokens_to_str(llama_context * ctx, Iter begin, Iter end) {
    std::string ret;
    for (; begin != end; ++begin) {
        ret += common_token_to_piece(ctx, *begin);
    }
    return ret;
}

// The owner's type is a template parameter too: either overload may run, both stay.
template <class Owner, class Iter>
static std::string first_piece(const Owner * owner, Iter it) {
    return common_token_to_piece(owner, *it);
}

int main() {
    httplib::Server svr;

    // The request body formatted into the prompt: flows.
    svr.Post("/ask", [&](const httplib::Request & req, httplib::Response &) {
        std::string prompt = std::format("Q: {}\nA:", req.body);
        evaluate(prompt);
    });

    // A prompt formatted from constants; the request is formatted into the response only.
    svr.Post("/ask-fixed", [&](const httplib::Request & req, httplib::Response & res) {
        std::string prompt = std::format("Q: {}\nA:", "what time is it?");
        evaluate(prompt);
        res.set_content(std::format("you sent {} bytes", req.body.size()), "text/plain");
    });

    // The request's tokens, through iterators, into the template's loop: flows.
    svr.Post("/detokenize", [&](const httplib::Request & req, httplib::Response & res) {
        const json body = json::parse(req.body);
        std::string content;
        if (body.count("tokens") != 0) {
            const std::vector<llama_token> tokens = body.at("tokens");
            content = tokens_to_str(g_ctx, tokens.cbegin(), tokens.cend());
        }
        res.set_content(content, "text/plain");
    });

    // Fixed tokens through the same template; the request is only echoed.
    svr.Post("/greeting", [&](const httplib::Request & req, httplib::Response & res) {
        const std::vector<llama_token> fixed = {1, 15043, 29991};
        std::string content = tokens_to_str(g_ctx, fixed.cbegin(), fixed.cend());
        res.set_content(content + req.body, "text/plain");
    });

    // Both overloads of common_token_to_piece are candidates here (the twin of the choice made in tokens_to_str).
    svr.Post("/first", [&](const httplib::Request & req, httplib::Response & res) {
        const std::vector<llama_token> fixed = {1};
        res.set_content(first_piece(g_vocab, fixed.cbegin()) + req.body, "text/plain");
    });

    return svr.listen("0.0.0.0", 8080) ? 0 : 1;
}
