#include "infer.h"

int main(int argc, char ** argv) {
    Task tasks[1];
    OrtValue * output = NULL;
    if (argc < 2) {
        return 1;
    }
    g_ort = OrtGetApiBase()->GetApi(ORT_API_VERSION);
    OrtSession * session = open_session(argv[1]);
    if (session == NULL) {
        return 1;
    }
    warm_up(g_ort, session);
    init_tasks(tasks);
    run_tasks(tasks, 1);
    return run_model(session, NULL, &output);
}
