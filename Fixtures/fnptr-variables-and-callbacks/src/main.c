#include "steps.h"

int main(int argc, char ** argv) {
    if (argc < 2) {
        return 1;
    }
    g_on_text = render_chat;
    notify(argv[1]);
    run_local(argv[1], argc > 2);
    return with_retry(tokenize_only, argv[1]);
}
