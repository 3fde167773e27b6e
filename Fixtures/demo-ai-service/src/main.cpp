// The service's entry point: load the model once, then answer one request per line of standard input,
// e.g. "POST /v1/chat What is the capital of France?".
#include <cstdio>
#include <string>

#include "service.h"

int main(int argc, char ** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s MODEL.gguf < requests.txt\n", argv[0]);
        return 1;
    }
    svc::Runtime rt = svc::load_runtime(argv[1], 4096);
    if (rt.ctx == nullptr) {
        std::fprintf(stderr, "could not load %s\n", argv[1]);
        return 1;
    }
    char line[4096];
    while (std::fgets(line, sizeof line, stdin) != nullptr) {
        std::string response = svc::handle_request(rt, svc::trim(line));
        std::printf("%s\n", response.c_str());
    }
    return 0;
}
