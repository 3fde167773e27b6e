#include "service.h"

namespace svc {

Runtime load_runtime(const std::string & model_path, uint32_t n_ctx) {
    Runtime rt;
    llama_model_params mparams = llama_model_default_params();
    rt.model = llama_model_load_from_file(model_path.c_str(), mparams);
    if (rt.model == nullptr) {
        return rt;
    }
    llama_context_params cparams = llama_context_default_params();
    cparams.n_ctx = n_ctx;
    rt.ctx = llama_init_from_model(rt.model, cparams);
    rt.sampler = llama_sampler_init_greedy();
    return rt;
}

} // namespace svc
