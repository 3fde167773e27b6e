#include "engine.h"
#include "ggml_stub.h"

namespace engine {

bool ModelLoader::load(const std::string & path) {
    gguf_init_params params = {1};
    return gguf_init_from_file(path.c_str(), params) != nullptr;
}

}  // namespace engine
