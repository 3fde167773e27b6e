#pragma once

#include <cstdio>
#include <string>

#include "llama.h"
#include "torch/script.h"

class TorchModel {
public:
    explicit TorchModel(const std::string & path);
    float infer(float x);

private:
    torch::jit::Module module_;
};

class LlamaModel {
public:
    float infer(float x);
    llama_context * ctx = nullptr;
};

// Has an infer() method, but run_model is never instantiated with it.
class OnnxModel {
public:
    float infer(float x);
};

// Has an infer() method that reaches a sink, but run_model is never instantiated with it.
class DraftModel {
public:
    float infer(float x);
    llama_context * ctx = nullptr;
};

void log_step(const char * what);

// The dependent call model.infer(x) resolves per instantiation: M = TorchModel, M = LlamaModel.
template <class M>
float run_model(M & model, float x) {
    log_step("infer");
    return model.infer(x);
}
