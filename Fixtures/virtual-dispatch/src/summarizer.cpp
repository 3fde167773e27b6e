#include "backend.h"

// A virtual call through a Backend reference member.
std::string Summarizer::summarize(const std::string & text) {
    return backend_.complete("Summarize:\n" + text);
}

std::string ping(GeminiBackend & backend) {
    return backend.complete("ping");
}
