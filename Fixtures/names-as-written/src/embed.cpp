#include "app.h"
#include "torch/script.h"

double embed(const std::string & model_path) {
    torch::jit::script::Module module = torch::jit::load(model_path);
    return module.forward({torch::IValue(1.0)}).toDouble();
}
