// Shared by the example programs, one folder up from each (their builds add -I examples).
#pragma once
#include <string>

struct whisper_params {
    std::string model = "models/ggml-base.en.bin";
};

bool whisper_params_parse(int argc, char ** argv, whisper_params & params);
