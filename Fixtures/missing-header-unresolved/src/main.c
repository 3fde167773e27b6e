/* This file parses cleanly: its calls into src/infer.c are ordinary direct calls. */
#include <stddef.h>

#include "app.h"

int main(int argc, char** argv) {
    int tokens[2] = { 1, 2 };
    struct OrtValue* output = NULL;
    if (argc < 2) {
        return 1;
    }
    struct OrtSession* session = open_session(NULL, argv[1]);
    run_session(session, NULL, &output);
    return decode_prompt(NULL, tokens, 2);
}
