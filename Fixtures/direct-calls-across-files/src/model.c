#include "app.h"

struct llama_context * load(const char * path) {
    struct llama_model * model = llama_model_load_from_file(path, llama_model_default_params());
    if (model == NULL) {
        return NULL;
    }
    return llama_init_from_model(model, llama_context_default_params());
}
