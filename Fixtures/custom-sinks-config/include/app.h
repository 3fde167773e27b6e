#pragma once

#include <string>

namespace app {
std::string summarize(const std::string & text);
std::string ask_acme(const std::string & question);
std::string ask_other(const std::string & question);
} // namespace app
