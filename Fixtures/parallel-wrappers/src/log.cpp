#include <cstdio>
#include "backends.h"

// API in another file, on the way to nothing: not a wrapper.
void log_prompt(const std::string & prompt) { std::printf("%s\n", prompt.c_str()); }
