#ifndef APP_H
#define APP_H

/* The functions of src/infer.c, declared without the missing headers' types. */
struct OrtEnv;
struct OrtSession;
struct OrtValue;
struct llama_context;

struct OrtSession* open_session(struct OrtEnv* env, const char* model_path);
int run_session(struct OrtSession* session, const struct OrtValue* input, struct OrtValue** output);
int decode_prompt(struct llama_context* ctx, int* tokens, int n_tokens);  /* llama_token is int32_t */

#endif
