#include "app.h"
#include "onnxruntime_cxx_api.h"

size_t classify(const char * model_path) {
    Ort::Env env;
    Ort::SessionOptions options;
    Ort::Session session(env, model_path, options);
    const char * inputs[] = { "input" };
    const char * outputs[] = { "output" };
    Ort::Value value;
    std::vector<Ort::Value> result = session.Run(inputs, &value, 1, outputs, 1);
    return result.size() + session.GetInputCount();
}
