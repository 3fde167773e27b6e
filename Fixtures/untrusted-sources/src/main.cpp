// Paths that carry untrusted input to the model: a frame reads a source itself, or calls a helper that does.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "console.h"
#include "llama.h"

static llama_context * g_ctx;
static const llama_vocab * g_vocab;
static llama_model * g_model;

static int generate(const std::string & prompt) {
    llama_token tokens[64];
    int32_t n = llama_tokenize(g_vocab, prompt.c_str(), (int32_t) prompt.size(), tokens, 64, true, false);
    return llama_decode(g_ctx, llama_batch_get_one(tokens, n));
}

// Reads stdin with fgets; the frame that calls it is marked as reading fgets through it.
static std::string read_prompt() {
    char buf[256];
    if (!std::fgets(buf, sizeof buf, stdin)) return "";
    return buf;
}

static void interactive_loop() {
    for (;;) {
        std::string prompt = read_prompt();
        if (prompt.empty()) break;
        generate(prompt);
    }
}

// The model path from the environment.
static void load_from_env() {
    const char * path = std::getenv("MODEL_PATH");
    g_model = llama_model_load_from_file(path ? path : "model.gguf", llama_model_default_params());
}

// std::cin named directly.
static void tokenize_stdin() {
    std::string line;
    std::getline(std::cin, line);
    llama_token tokens[64];
    llama_tokenize(g_vocab, line.c_str(), (int32_t) line.size(), tokens, 64, true, false);
}

// llama.cpp's console::readline.
static void chat_repl() {
    std::string line;
    while (console::readline(line, false)) generate(line);
}

// Called by nothing, reads nothing: its path is not labelled.
void selftest() {
    generate("The quick brown fox");
}

int main() {
    load_from_env();
    interactive_loop();
    tokenize_stdin();
    chat_repl();
    return 0;
}
