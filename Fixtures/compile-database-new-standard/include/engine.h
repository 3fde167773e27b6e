#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct llama_model * engine_load(const char * path);
#ifdef __cplusplus
}
#endif
