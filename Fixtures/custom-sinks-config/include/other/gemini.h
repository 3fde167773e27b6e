// Same class and method name as vertex::GeminiClient, different namespace: not a sink.
#pragma once

#include <string>

namespace other {

class GeminiClient {
public:
    std::string generateContent(const std::string & prompt);
};

} // namespace other
