#include <cstdio>
#include <string>

std::string common_token_to_piece(void * ctx, int token, bool special = true);

#define LOG_DBG(fmt, ...) std::fprintf(stderr, fmt, __VA_ARGS__)

int main() {
    LOG_DBG("%s\n", common_token_to_piece(nullptr, 1).c_str());
    return missing_symbol;   // an error anywhere in the unit turns name recovery on
}
