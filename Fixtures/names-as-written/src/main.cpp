#include <cstdio>

#include "app.h"

int main(int argc, char ** argv) {
    if (argc < 4) {
        return 1;
    }
    Task task("warm-up");
    task.Run();
    std::printf("%d %zu %f %s\n", detect(argv[1]), classify(argv[2]), embed(argv[3]), ask("hello").c_str());
    return 0;
}
