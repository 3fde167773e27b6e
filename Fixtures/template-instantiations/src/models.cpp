#include "models.h"

TorchModel::TorchModel(const std::string & path) : module_(torch::jit::load(path)) {}

float TorchModel::infer(float x) {
    return (float) module_.forward({torch::IValue(x)}).toDouble();
}

float LlamaModel::infer(float x) {
    llama_token token = (llama_token) x;
    return (float) llama_decode(ctx, llama_batch_get_one(&token, 1));
}

float OnnxModel::infer(float x) {
    return x * 0.5f;
}

float DraftModel::infer(float x) {
    llama_token token = (llama_token) x;
    return (float) llama_encode(ctx, llama_batch_get_one(&token, 1));
}

void log_step(const char * what) {
    std::fprintf(stderr, "step: %s\n", what);
}
