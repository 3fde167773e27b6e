#include <onnxruntime_cxx_api_missing.h>   // not in the tree: the unit has errors, calls are recovered by name

void register_handler(void (*handler)(int));

// The call inside the lambda belongs to the lambda only: name recovery must not also credit setup with it.
void setup() {
    const OrtApi * g_ort = get_api();
    auto run = [g_ort](int n) {
        g_ort->Run(n);
    };
    run(1);
}
