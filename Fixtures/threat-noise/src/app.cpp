// Noise a reviewer should not be shown as a finding: the operator's environment is a source but not untrusted
// input; a crash handler that runs a debugger is not where the model's output goes; a model load hands back no
// output; a command made only of literals cannot carry it. The real finding stays: the generated text reaches a
// shell.
#include <cstdlib>
#include <string>

// A stand-in for the llama.cpp C API, written for this fixture: declarations only.
struct llama_model;
struct llama_context;
struct llama_model_params { int n_gpu_layers; };
llama_model * llama_model_load_from_file(const char * path, llama_model_params params);
int llama_decode(llama_context * ctx, int n_tokens);

static llama_context * g_ctx;
static std::string g_reply;

// Crash handling, as ggml does it: abort → print a backtrace with gdb.
static void print_backtrace() { std::system("gdb --batch -p 1"); }
static void app_abort(const char * why) { print_backtrace(); std::abort(); }

static llama_model * load() {
    const char * path = std::getenv("MODEL_PATH");
    llama_model * m = llama_model_load_from_file(path ? path : "model.gguf", {0});
    std::system("echo loaded");   // after a model load: not the model's output
    return m;
}

// A constant command: nothing the model made can reach it.
static void report_version() { std::system("ffmpeg -version"); }

static void generate() {
    if (llama_decode(g_ctx, 8) != 0) app_abort("decode failed");
    std::string command = "say " + g_reply;
    std::system(command.c_str()); // after inference: the model's output may reach a shell
    report_version();
}

int main() {
    load();
    generate();
    return 0;
}
