// An inference engine of the project's own, built on ggml (stand-ins): its model loader, tokenizer and chat
// pipeline are the API the application calls; ggml's graph compute is the only inference call the catalog names.
#pragma once
#include <string>
#include <vector>

struct ggml_backend;
struct ggml_cgraph;
struct llama_vocab;

namespace engine {

class ModelLoader {
  public:
    bool load(const std::string & path);
};

class Tokenizer {
  public:
    std::vector<int> encode(const std::string & text) const;
  private:
    const llama_vocab * vocab = nullptr;
};

class Pipeline {
  public:
    std::string chat(const std::string & message);
  private:
    int forward(const std::vector<int> & tokens);
    Tokenizer tokenizer;
    ggml_backend * backend = nullptr;
    ggml_cgraph * graph = nullptr;
};

}  // namespace engine
