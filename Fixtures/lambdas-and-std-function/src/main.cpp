#include <cstring>

#include "service.h"

int main(int argc, char ** argv) {
    httplib::Server server;

    // Handed to Server::Post as a std::function.
    server.Post("/completion", [](const httplib::Request & req, httplib::Response & res) {
        res.set_content(run_completion(req.body), "text/plain");
    });

    // Reaches no sink.
    server.Get("/health", [](const httplib::Request &, httplib::Response & res) {
        res.set_content("ok", "text/plain");
    });

    // Kept in a local and called right here: the tokenize call still belongs to the lambda, not to main.
    auto count_tokens = [](const char * text) {
        llama_token tokens[256];
        return llama_tokenize(g_vocab, text, (int32_t) std::strlen(text), tokens, 256, true, false);
    };
    if (argc > 1 && count_tokens(argv[1]) < 0) {
        return 1;
    }

    ChatService chat;
    chat.install(server);
    return server.listen("127.0.0.1", 8080) ? 0 : 1;
}
