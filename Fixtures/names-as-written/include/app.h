#pragma once

#include <cstddef>
#include <string>

int detect(const std::string & model_path);
size_t classify(const char * model_path);
double embed(const std::string & model_path);
std::string ask(const std::string & question);

// A user class with a Run() method: not ONNX Runtime's Run.
class Task {
public:
    explicit Task(const char * name);
    int Run();

private:
    const char * name_;
};
