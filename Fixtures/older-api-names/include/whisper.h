// whisper.cpp's C API before the *_with_params functions (2023): declarations.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct whisper_context;
struct whisper_context * whisper_init_from_file(const char * path);
struct whisper_context * whisper_init(void * loader);
int whisper_pcm_to_mel_phase_vocoder(struct whisper_context * ctx, const float * samples, int n, int threads);
#ifdef __cplusplus
}
#endif
