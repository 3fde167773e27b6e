#include <stdio.h>

#include "app.h"

struct llama_model * load_model(const char * path) {
    return llama_model_load_from_file(path, llama_model_default_params());
}

int main(int argc, char ** argv) {
    if (argc < 3) {
        return 1;
    }
    struct llama_model * model = load_model(argv[1]);
    printf("%d spaces\n", count_spaces(argv[2]));
    return tokenize_line(llama_model_get_vocab(model), argv[2]);
}
