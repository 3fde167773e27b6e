/* Minimal stand-in for ONNX Runtime's C API, written for sinkmap's fixtures: the API is a table of
 * function pointers (struct OrtApi) reached through OrtGetApiBase()->GetApi(version). */
#ifndef FIXTURE_ORT_API_H
#define FIXTURE_ORT_API_H

#include <stddef.h>
#include <stdint.h>

#define ORT_API_VERSION 19

typedef struct OrtStatus OrtStatus;
typedef struct OrtEnv OrtEnv;
typedef struct OrtSession OrtSession;
typedef struct OrtSessionOptions OrtSessionOptions;
typedef struct OrtRunOptions OrtRunOptions;
typedef struct OrtValue OrtValue;

typedef struct OrtApi {
    OrtStatus * (*CreateEnv)(int log_level, const char * logid, OrtEnv ** out);
    OrtStatus * (*CreateSessionOptions)(OrtSessionOptions ** options);
    OrtStatus * (*CreateSession)(const OrtEnv * env, const char * model_path, const OrtSessionOptions * options,
                                 OrtSession ** out);
    OrtStatus * (*Run)(OrtSession * session, const OrtRunOptions * run_options, const char * const * input_names,
                       const OrtValue * const * inputs, size_t input_len, const char * const * output_names,
                       size_t output_names_len, OrtValue ** outputs);
    void (*ReleaseStatus)(OrtStatus * status);
} OrtApi;

typedef struct OrtApiBase {
    const OrtApi * (*GetApi)(uint32_t version);
    const char * (*GetVersionString)(void);
} OrtApiBase;

const OrtApiBase * OrtGetApiBase(void);

#endif
