#include "chat.h"

int main(int argc, char ** argv) {
    if (argc < 3) {
        return 1;
    }
    llama_model * model = llama_model_load_from_file(argv[1], llama_model_default_params());
    llama_context * ctx = llama_init_from_model(model, llama_context_default_params());
    const llama_vocab * vocab = llama_model_get_vocab(model);

    Prompt system = make_prompt(vocab, "You are a terse assistant.");
    Prompt user = make_prompt(vocab, argv[2]);
    if (system == user) {           // overloaded operator that reaches no sink
        return 2;
    }
    Prompt full = system + user;    // operator+ -> llama_tokenize
    Chat chat(ctx);
    return chat(full);              // Chat::operator() -> llama_tokenize, llama_decode
}
