#ifndef INFER_H
#define INFER_H

#include "ort_api.h"

extern const OrtApi * g_ort;

OrtSession * open_session(const char * model_path);
int run_model(OrtSession * session, const OrtValue * input, OrtValue ** output);
int warm_up(const OrtApi * api, OrtSession * session);

/* tasks.c: an unrelated struct that also has a field called Run */
typedef struct Task {
    const char * name;
    int (*Run)(void);
} Task;

void run_tasks(Task * tasks, size_t n);
void init_tasks(Task * tasks);

#endif
