// Another program of examples/, including the same "common.h" one folder up.
#include "common.h"
#include "whisper.h"

static int serve(const whisper_params & params) {
    whisper_context * ctx = whisper_init_from_file_with_params(params.model.c_str());
    return ctx ? 0 : 1;
}

int server_main(int argc, char ** argv) {
    whisper_params params;
    whisper_params_parse(argc, argv, params);
    return serve(params);
}
