// A stand-in for the part of llama.cpp's C API this fixture uses (declarations only).
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct llama_model;
struct llama_context;
struct llama_model * llama_model_load_from_file(const char * path);
int llama_decode(struct llama_context * ctx, const int * tokens, int n);
#ifdef __cplusplus
}
#endif
