// One main.cpp built twice (a CLI and a shared-library build): each build is a unit of its own, both scanned.
#include "llama.h"

#ifdef APP_CLI
int cli_generate(int n) {
    llama_batch batch{n};
    return llama_decode(nullptr, batch);
}

int main(int argc, char ** argv) {
    return cli_generate(argc);
}
#endif

#ifdef APP_SHARED
extern "C" int app_generate(int n) {
    llama_batch batch{n + 1};
    return llama_decode(nullptr, batch);
}
#endif
