// Another unit with its own static run_model and print_usage: never the ones src/main.cpp calls.
#include <whisper.h>

static int run_model(whisper_context * wctx, int n) {
    return n;
}

static void print_usage(const whisper_params & params) {
    (void) params;
}

int tool_main(whisper_params params) {
    print_usage(params);
    return run_model(nullptr, 0);
}
