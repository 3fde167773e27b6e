// Two generation backends side by side: neither carries every route to the model, so neither dominates the
// sink; each is the first API function on its own route.
#pragma once
#include <string>

namespace cpu { int generate(const std::string & prompt); }
namespace gpu { int generate(const std::string & prompt); }
void log_prompt(const std::string & prompt);
