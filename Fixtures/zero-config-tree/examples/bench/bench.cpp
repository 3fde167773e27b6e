#include "common.h"
#include "whisper.h"

struct whisper_context * bench_load(const char * path) { return whisper_init_from_file_with_params(path); }

int bench_main(int argc, char ** argv) { return bench_load(argc > 1 ? argv[1] : "model.bin") ? 0 : 1; }
