#include <string>
#include "backends.h"

int main(int argc, char ** argv) {
    if (argc < 3) return 1;
    std::string prompt = argv[2];
    log_prompt(prompt);
    return std::string(argv[1]) == "gpu" ? gpu::generate(prompt) : cpu::generate(prompt);
}
