// A stand-in for llama.cpp's common.h, written for this fixture: the two overloads of common_token_to_piece
// (by context and by vocabulary), declarations only.
#pragma once

#include <string>
#include <vector>

#include "llama.h"

std::string common_token_to_piece(const struct llama_context * ctx, llama_token token, bool special = true);
std::string common_token_to_piece(const struct llama_vocab * vocab, llama_token token, bool special = true);
