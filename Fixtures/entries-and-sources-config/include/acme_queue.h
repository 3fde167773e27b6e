// The project's message queue client: declarations only.
#pragma once

#include <string>

namespace acme {
class Queue {
public:
    std::string pop();
};
} // namespace acme
