#pragma once

#include <string>

#include "httplib.h"
#include "llama.h"

extern llama_context * g_ctx;
extern const llama_vocab * g_vocab;

std::string run_completion(const std::string & prompt);

class ChatService {
public:
    void install(httplib::Server & server);

private:
    std::string chat(const std::string & body);
};
