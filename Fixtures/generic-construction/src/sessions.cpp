// Objects made inside the standard library: std::make_unique, std::make_shared and emplace_back construct the
// class named by the template argument (or the container's element type), so the call reaches its constructor.
#include <memory>
#include <string>
#include <vector>

// A stand-in for the llama.cpp C API, written for this fixture: declarations only.
struct llama_model;
struct llama_model_params { int n_gpu_layers; };
llama_model * llama_model_load_from_file(const char * path, llama_model_params params);
int llama_tokenize(const llama_model * model, const char * text, int * tokens, int n_max);

struct ModelSession {
    explicit ModelSession(const std::string & path) { model = llama_model_load_from_file(path.c_str(), {0}); }
    ModelSession(const std::string & path, int layers) { model = llama_model_load_from_file(path.c_str(), {layers}); }
    llama_model * model = nullptr;
};

struct Prompt {
    Prompt(const llama_model * m, const char * text) { int t[8]; llama_tokenize(m, text, t, 8); }
};

// The precision twin: a class of the same shape whose constructor calls no model API.
struct DummySession {
    explicit DummySession(const std::string & path) : name(path) {}
    std::string name;
};

std::unique_ptr<ModelSession> open_session(const std::string & path) {
    return std::make_unique<ModelSession>(path);
}

std::shared_ptr<ModelSession> open_shared(const std::string & path) {
    return std::make_shared<ModelSession>(path, 99);
}

std::unique_ptr<DummySession> open_dummy(const std::string & path) {
    return std::make_unique<DummySession>(path);
}

void queue_prompts(std::vector<Prompt> & prompts, const llama_model * m) {
    prompts.emplace_back(m, "hello");
}
