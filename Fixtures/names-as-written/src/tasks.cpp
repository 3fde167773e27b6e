#include <cstdio>

#include "app.h"

Task::Task(const char * name) : name_(name) {}

int Task::Run() {
    return std::printf("running %s\n", name_) < 0 ? 1 : 0;
}
