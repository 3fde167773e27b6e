// Compiled with -std=gnu++23 and GCC-only flags, as gpt4all's database has it. libclang 14 rejects the
// spelling gnu++23 (it knows the standard as gnu++2b) and would lose the whole unit; a concept needs C++20.
#include "engine.h"
#include "llama.h"

template <typename T>
concept Batch = requires(T t) { t.size(); t.data(); };

struct Tokens {
    int items[4] = {1, 2, 3, 4};
    int size() const { return 4; }
    const int * data() const { return items; }
};

template <Batch B>
int generate(llama_context * ctx, const B & batch) {
    return llama_decode(ctx, batch.data(), batch.size());
}

#if __cplusplus > 202002L
// Only in C++23 mode (gnu++23, or gnu++2b for libclang 14): proves the standard itself was applied.
int stream(llama_context * ctx) { return llama_decode(ctx, nullptr, 0); }
#endif

int main(int argc, char ** argv) {
    if (argc < 2) return 1;
    engine_load(argv[1]);
    Tokens t;
    return generate(static_cast<llama_context *>(nullptr), t);
}
