// A stand-in for llama.cpp's common/console.h line reader, written for this fixture: declarations only.
#pragma once

#include <string>

namespace console {
bool readline(std::string & line, bool multiline_input);
}
