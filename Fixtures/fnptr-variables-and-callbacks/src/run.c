#include "steps.h"

step_fn g_on_text;

/* A local variable: its initializer and an assignment. */
int run_local(const char * text, int fast) {
    step_fn step = decode_full;
    if (fast) {
        step = &decode_fast;
    }
    return step(text);
}

/* A parameter: what the direct calls of with_retry pass for it; called as (*step)(...). */
int with_retry(step_fn step, const char * text) {
    int rc = (*step)(text);
    if (rc < 0) {
        rc = (*step)(text);
    }
    return rc;
}

/* A global variable, assigned in main. */
int notify(const char * text) {
    return g_on_text != NULL ? g_on_text(text) : 0;
}
