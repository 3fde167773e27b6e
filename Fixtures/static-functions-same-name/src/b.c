#include <string.h>

#include "runs.h"

/* Same name as the helper in src/a.c; this one reaches no sink. */
static int helper(const char * text) {
    return (int) strlen(text);
}

int run_b(const char * text) {
    return helper(text);
}
