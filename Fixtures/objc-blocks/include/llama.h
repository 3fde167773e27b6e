#pragma once
struct llama_context;
int llama_decode(struct llama_context * ctx, int n_tokens);
int llama_tokenize(const void * vocab, const char * text, int len, int * tokens, int n_max, int add_special, int parse_special);
