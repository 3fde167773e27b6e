/* Under third_party/: vendored. Nothing in the project calls tj_tokenize_all: a vendored root, not listed. */
#include "llama.h"

int tj_tokenize_all(const char * text) { int t[8]; return llama_tokenize(0, text, t, 8); }
