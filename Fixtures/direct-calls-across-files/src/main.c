#include <stdio.h>

#include "app.h"

int main(int argc, char ** argv) {
    if (argc < 2) {
        return 1;
    }
    struct llama_context * ctx = load(argv[1]);
    if (ctx == NULL) {
        return 1;
    }
    /* Warm-up, then one call per line: two call sites, one path. */
    process_line(ctx, "hello");
    char line[512];
    while (fgets(line, sizeof line, stdin) != NULL) {
        process_line(ctx, line);
    }
    return 0;
}
