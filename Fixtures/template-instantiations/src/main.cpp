#include "models.h"

int main(int argc, char ** argv) {
    if (argc < 2) {
        return 1;
    }
    TorchModel torch_model(argv[1]);
    LlamaModel llama;
    float a = run_model(torch_model, 1.0f);    // deduced: run_model<TorchModel>
    float b = run_model<LlamaModel>(llama, a); // explicit: run_model<LlamaModel>
    std::printf("%f\n", b);
    return 0;
}
