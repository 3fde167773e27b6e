#include <string>
#include <vector>

int llama_decode(void * ctx, int n_tokens);
int llama_tokenize(void * vocab, const char * text, int len, int * tokens, int n_max, bool add_special, bool parse_special);

int main(int argc, char ** argv) {
    std::vector<int> ids{1, 2, 3};
    std::string text = argc > 1 ? argv[1] : "";
    // Capturing a class-type object by copy makes libclang report a parent (the implicit copy) it never
    // visited; calls after this line must still belong to main.
    auto count = [ids, text]() { return (int) (ids.size() + text.size()); };
    int n = llama_tokenize(nullptr, text.c_str(), (int) text.size(), nullptr, count(), true, false);
    return llama_decode(nullptr, n);
}
