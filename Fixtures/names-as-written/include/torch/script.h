// Minimal stand-in for the LibTorch TorchScript API, written for this fixture: declarations only.
// Users write torch::jit::script::Module, a using-declaration of torch::jit::Module.
#pragma once

#include <string>
#include <vector>

namespace torch {

class IValue {
public:
    IValue(double value);
    double toDouble() const;
};

namespace jit {

struct Module {
    IValue forward(std::vector<IValue> inputs);
};

Module load(const std::string & filename);

namespace script {
using ::torch::jit::Module;
} // namespace script

} // namespace jit
} // namespace torch
