#include <stdio.h>

#include "infer.h"

const OrtApi * g_ort = NULL;

static int check(OrtStatus * status) {
    if (status != NULL) {
        g_ort->ReleaseStatus(status);
        return -1;
    }
    return 0;
}

OrtSession * open_session(const char * model_path) {
    OrtEnv * env = NULL;
    OrtSessionOptions * options = NULL;
    OrtSession * session = NULL;
    if (check(g_ort->CreateEnv(2, "fixture", &env)) != 0 || check(g_ort->CreateSessionOptions(&options)) != 0) {
        return NULL;
    }
    if (check(g_ort->CreateSession(env, model_path, options, &session)) != 0) {
        return NULL;
    }
    return session;
}

int run_model(OrtSession * session, const OrtValue * input, OrtValue ** output) {
    const char * input_names[] = { "input" };
    const char * output_names[] = { "output" };
    return check(g_ort->Run(session, NULL, input_names, &input, 1, output_names, 1, output));
}

/* The table comes in as a parameter: still a call through the field OrtApi::Run. */
int warm_up(const OrtApi * api, OrtSession * session) {
    OrtValue * out = NULL;
    const char * names[] = { "input" };
    return check(api->Run(session, NULL, names, NULL, 0, names, 1, &out));
}
