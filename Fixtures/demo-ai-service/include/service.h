// Declarations of the demo AI service: a model runtime, a prompt builder, a generator and a request handler.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "llama.h"

namespace svc {

struct Runtime {
    llama_model * model = nullptr;
    llama_context * ctx = nullptr;
    llama_sampler * sampler = nullptr;
};

// Loads the GGUF model and creates the inference context (runtime.cpp).
Runtime load_runtime(const std::string & model_path, uint32_t n_ctx);

// Turns a conversation into the model's prompt format (prompt.cpp).
class PromptBuilder {
public:
    explicit PromptBuilder(const std::string & system_prompt);
    void add_user(const std::string & text);
    std::string build() const;

private:
    std::vector<std::string> roles_;
    std::vector<std::string> contents_;
};

// Tokenizes a prompt and samples a completion (generator.cpp).
class Generator {
public:
    explicit Generator(const Runtime & rt);
    std::string generate(const std::string & prompt, int max_tokens);

private:
    const Runtime & rt_;
};

struct Request {
    std::string method;
    std::string path;
    std::string body;
};

// Request handling (handler.cpp).
std::string trim(const std::string & s);
bool parse_request(const std::string & line, Request & out);
std::string handle_request(const Runtime & rt, const std::string & line);

// Debugging aid (debug.cpp).
void debug_dump_embeddings(const Runtime & rt, const std::string & text);

} // namespace svc
