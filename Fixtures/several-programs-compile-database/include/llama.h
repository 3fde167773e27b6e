#pragma once
struct llama_context;
struct llama_batch { int n_tokens; };
int llama_decode(struct llama_context * ctx, struct llama_batch batch);
