#pragma once

#include <string>

// Declared only: the vendor's SDK is not part of the tree.
namespace acme {
namespace telemetry {
void send(const std::string & event, const std::string & payload);
}
namespace moderation {
bool allowed(const std::string & prompt);
}
namespace llm {
std::string complete(const std::string & prompt);
}
// Decoy: not under acme::moderation::, so no rule matches it.
namespace moderation_cache {
bool known(const std::string & prompt);
}
} // namespace acme
