// "common.h" is in examples/, not in this folder: without -I examples the unit stops at the include.
#include "common.h"
#include "whisper.h"

int main(int argc, char ** argv) {
    whisper_params params;
    if (!whisper_params_parse(argc, argv, params)) return 1;
    whisper_context * ctx = whisper_init_from_file_with_params(params.model.c_str());
    float pcm[16] = {0};
    return whisper_full(ctx, pcm, 16);
}
