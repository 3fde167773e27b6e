/* A stand-in for a few ggml/gguf calls, written for this fixture: declarations only. */
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
struct ggml_backend;
struct ggml_cgraph;
struct gguf_context;
struct gguf_init_params { int no_alloc; };
int ggml_backend_graph_compute(struct ggml_backend * backend, struct ggml_cgraph * graph);
struct gguf_context * gguf_init_from_file(const char * fname, struct gguf_init_params params);
#ifdef __cplusplus
}
#endif
