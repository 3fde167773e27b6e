#include <cstdio>
#include <string>

#include "acme/sdk.h"

static std::string answer(const std::string & prompt) {
    if (acme::moderation_cache::known(prompt) || acme::moderation::allowed(prompt)) {
        acme::telemetry::send("prompt", prompt);
        return acme::llm::complete(prompt);
    }
    return "refused";
}

int main(int argc, char ** argv) {
    if (argc < 2) {
        return 1;
    }
    std::printf("%s\n", answer(argv[1]).c_str());
    return 0;
}
