// Minimal stand-in for ONNX Runtime's C++ wrapper, written for this fixture: declarations only.
// Session gets Run from a class template base in Ort::detail.
#pragma once

#include <cstddef>
#include <vector>

struct OrtSession;

namespace Ort {

struct Env {
    Env();
};

struct SessionOptions {
    SessionOptions();
};

struct Value {
    const float * data = nullptr;
    size_t count = 0;
};

namespace detail {

template <typename T>
struct SessionImpl {
    std::vector<Value> Run(const char * const * input_names, const Value * input_values, size_t input_count,
                           const char * const * output_names, size_t output_count);
    size_t GetInputCount() const;

protected:
    T * p_ = nullptr;
};

} // namespace detail

struct Session : detail::SessionImpl<OrtSession> {
    Session(const Env & env, const char * model_path, const SessionOptions & options);
};

} // namespace Ort
