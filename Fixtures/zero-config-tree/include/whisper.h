// A stand-in for the part of whisper.cpp's C API this fixture uses (declarations only).
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct whisper_context;
struct whisper_context * whisper_init_from_file_with_params(const char * path);
int whisper_full(struct whisper_context * ctx, const float * samples, int n);
#ifdef __cplusplus
}
#endif
