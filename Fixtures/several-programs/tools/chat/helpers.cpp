#include "llama.h"

// chat's log_line: decodes (a program of its own, not tools/simple's log_line).
int log_line(int n) {
    llama_batch batch{n};
    return llama_decode(nullptr, batch);
}
