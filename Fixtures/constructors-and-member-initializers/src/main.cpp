#include <cstdio>

#include "pipeline.h"

int main(int argc, char ** argv) {
    if (argc < 4) {
        return 1;
    }
    Pipeline pipeline(argv[1]);     // declaration with arguments
    Model draft(argv[2]);           // declaration with arguments
    std::printf("%d %p\n", pipeline.ask(argv[3]), (void *) draft.handle);
    return 0;
}
