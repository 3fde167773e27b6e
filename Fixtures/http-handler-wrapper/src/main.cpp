#include "http_context.h"

int llama_decode(void * ctx, int n_tokens);
int llama_tokenize(const void * vocab, const char * text, int len, int * tokens, int n_max, bool add_special, bool parse_special);

static int run_completion(const std::string & prompt) {
    int n = llama_tokenize(nullptr, prompt.c_str(), (int) prompt.size(), nullptr, 0, true, true);
    return llama_decode(nullptr, n);
}

int main() {
    HttpContext http;
    http.post("/completion", [](const Request & req, Response & res) {
        res.body = std::to_string(run_completion(req.body));
    });
    http.get("/health", [](const Request &, Response & res) { res.body = "ok"; });
    return 0;
}
