// common/common.h of the same era: the helper that loads model and context from the parsed parameters.
#pragma once
#include <tuple>
#include "llama.h"

struct gpt_params { const char * model = "model.gguf"; };
std::tuple<struct llama_model *, struct llama_context *> llama_init_from_gpt_params(gpt_params & params);
