// A transcriber written against whisper.cpp's 2023 API, with an ONNX Runtime provider for its VAD.
#include "whisper.h"
#include "onnxruntime_c_api.h"

int transcribe(const char * model_path, const float * pcm, int n, OrtSessionOptions * vad_options) {
    OrtSessionOptionsAppendExecutionProvider_CUDA(vad_options, 0);
    struct whisper_context * ctx = whisper_init_from_file(model_path);
    return whisper_pcm_to_mel_phase_vocoder(ctx, pcm, n, 4);
}
