/* A stand-in for two llama.cpp C API calls, written for this fixture: declarations only. */
#ifndef FIXTURE_LLAMA_H
#define FIXTURE_LLAMA_H
struct llama_context;
int llama_decode(struct llama_context * ctx, int n_tokens);
int llama_tokenize(struct llama_context * ctx, const char * text, int * tokens, int n_max);
#endif
