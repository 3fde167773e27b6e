#include <stdio.h>

#include "infer.h"

static int tick(void) {
    puts("tick");
    return 0;
}

void init_tasks(Task * tasks) {
    tasks[0].name = "tick";
    tasks[0].Run = tick;
}

/* A field named Run in another struct: an edge to Task::Run, which is not a sink. */
void run_tasks(Task * tasks, size_t n) {
    for (size_t i = 0; i < n; ++i) {
        if (tasks[i].Run() != 0) {
            fprintf(stderr, "task %s failed\n", tasks[i].name);
        }
    }
}
