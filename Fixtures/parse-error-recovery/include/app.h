#ifndef APP_H
#define APP_H

#include "llama.h"

/* good.c */
struct llama_model * load_model(const char * path);

/* broken.c */
int count_spaces(const char * text);
int tokenize_line(const struct llama_vocab * vocab, const char * text);

#endif
