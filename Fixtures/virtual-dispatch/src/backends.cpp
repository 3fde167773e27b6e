#include "backend.h"

GeminiBackend::GeminiBackend(const std::string & project) : client_(project) {}

std::string GeminiBackend::complete(const std::string & prompt) {
    return client_.generateContent(prompt);
}

// A qualified call names its target: GeminiBackend::complete(prompt) is not virtual.
std::string CachedGemini::complete(const std::string & prompt) {
    if (prompt != last_prompt_) {
        last_prompt_ = prompt;
        last_answer_ = GeminiBackend::complete(prompt);
    }
    return last_answer_;
}

std::string EchoBackend::complete(const std::string & prompt) {
    return prompt;
}
