// The precision twin: a program with its own "common.h". Its own folder comes first, as in its build: the
// examples/common.h one folder up must not be the one it gets (bench_load is declared only here).
#pragma once
struct whisper_context;
struct whisper_context * bench_load(const char * path);
