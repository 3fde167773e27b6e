#include "service.h"

llama_context * g_ctx = nullptr;
const llama_vocab * g_vocab = nullptr;

std::string run_completion(const std::string & prompt) {
    llama_token tokens[1] = { (llama_token) prompt.size() };
    return llama_decode(g_ctx, llama_batch_get_one(tokens, 1)) == 0 ? "ok" : "error";
}

std::string ChatService::chat(const std::string & body) {
    llama_chat_message msg = { "user", body.c_str() };
    char buf[512];
    int32_t n = llama_chat_apply_template(nullptr, &msg, 1, true, buf, (int32_t) sizeof buf);
    return std::string(buf, n > 0 ? (size_t) n : 0);
}

// A lambda in a member function, capturing this: ChatService::install::lambda@LINE:COL.
void ChatService::install(httplib::Server & server) {
    server.Post("/chat", [this](const httplib::Request & req, httplib::Response & res) {
        res.set_content(chat(req.body), "application/json");
    });
}
