/* A project tool: named by `project:` in sinkmap.yml although it lives next to vendored code's conventions. */
#include "llama.h"

int main(void) { int t[4]; return llama_tokenize(0, "tool", t, 4); }
