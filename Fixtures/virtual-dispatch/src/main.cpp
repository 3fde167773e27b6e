#include <cstdio>

#include "backend.h"

int main(int argc, char ** argv) {
    if (argc < 4) {
        return 1;
    }
    GeminiBackend gemini(argv[1]);
    CachedGemini cached(argv[1]);
    EchoBackend echo;
    Backend * backend = argv[2][0] == 'e' ? static_cast<Backend *>(&echo) : static_cast<Backend *>(&cached);

    Summarizer summarizer(*backend);
    std::printf("%s\n", summarizer.summarize(argv[3]).c_str());
    std::printf("%s\n", ping(cached).c_str());
    // Called on an object, not through a pointer or reference: statically bound, a direct call.
    std::printf("%s\n", gemini.complete(argv[3]).c_str());
    return 0;
}
