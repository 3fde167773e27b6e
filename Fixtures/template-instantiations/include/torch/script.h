// Minimal stand-in for the LibTorch TorchScript API, written for this fixture: declarations only.
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

} // namespace jit
} // namespace torch
