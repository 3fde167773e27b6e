// Stand-in for an in-house LLM client library: declarations only.
#pragma once

#include <string>

namespace acme {
namespace llm {

class Client {
public:
    explicit Client(const char * endpoint);
    std::string complete(const std::string & prompt);
};

} // namespace llm

// Not under acme::llm:: (note the `_cache`): does not match the pattern.
namespace llm_cache {
bool lookup(const std::string & prompt, std::string & answer);
} // namespace llm_cache

} // namespace acme
