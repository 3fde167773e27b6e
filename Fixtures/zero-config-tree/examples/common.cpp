#include "common.h"

bool whisper_params_parse(int argc, char ** argv, whisper_params & params) {
    if (argc > 1) params.model = argv[1];
    return true;
}
