#ifndef APP_H
#define APP_H

#include "llama.h"

/* model.c */
struct llama_context * load(const char * path);

/* app.c */
int process_line(struct llama_context * ctx, const char * line);
int count_words(const char * line);

#endif
