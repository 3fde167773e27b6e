// Stand-in for a hosted-LLM SDK, written for this fixture: declarations only.
#pragma once

#include <string>

namespace vertex {

class GeminiClient {
public:
    explicit GeminiClient(const std::string & project);
    std::string generateContent(const std::string & prompt);
};

} // namespace vertex
