/* Neither header exists anywhere in this fixture: the ONNX Runtime and llama.cpp names below cannot be
 * resolved, and the calls that use them are lost from libclang's AST. */
#include <stdio.h>
#include <onnxruntime_c_api.h>
#include "llama.h"

const OrtApi* g_ort = NULL;

OrtSession* open_session(OrtEnv* env, const char* model_path) {
    OrtSession* session = NULL;
    return g_ort->CreateSession(env, model_path, NULL, &session) == NULL ? session : NULL;
}

int run_session(OrtSession* session, const OrtValue* input, OrtValue** output) {
    const char* input_names[] = { "input" };
    const char* output_names[] = { "output" };
    return g_ort->Run(session, NULL, input_names, &input, 1, output_names, 1, output) == NULL ? 0 : -1;
}

int decode_prompt(struct llama_context* ctx, llama_token* tokens, int n_tokens) {
    llama_batch batch = llama_batch_get_one(tokens, n_tokens);
    return llama_decode(ctx, batch);
}
