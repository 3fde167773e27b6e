// ONNX Runtime's provider factory functions (cuda_provider_factory.h, dnnl_provider_factory.h): declarations.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
typedef struct OrtSessionOptions OrtSessionOptions;
typedef struct OrtStatus OrtStatus;
OrtStatus * OrtSessionOptionsAppendExecutionProvider_CUDA(OrtSessionOptions * options, int device_id);
OrtStatus * OrtSessionOptionsAppendExecutionProvider_Dnnl(OrtSessionOptions * options, int use_arena);
#ifdef __cplusplus
}
#endif
