// A stand-in for C++20's std::format (libstdc++ 12, Debian 12's, has no <format>), written for this fixture:
// the declaration only, as a caller sees it.
#pragma once

#include <string>

namespace std {
template <class... Args> string format(const char * fmt, Args &&... args);
} // namespace std
