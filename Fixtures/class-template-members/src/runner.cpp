int llama_decode(void * ctx, int n_tokens);

struct LlamaModel {
    int infer(int n) { return llama_decode(nullptr, n); }
};

// Has infer() too, but no Runner or Batcher is ever made of it.
struct EchoModel {
    int infer(int n) { return n; }
};

// A member of a class template calling a member of its type parameter, defined inside the class...
template <class Model>
struct Runner {
    Model model;
    int step(int n) { return model.infer(n); }
};

// ...and outside it.
template <class Model>
struct Batcher {
    Model model;
    int flush(int n);
};

template <class Model>
int Batcher<Model>::flush(int n) { return model.infer(n) + model.infer(n + 1); }

int main() {
    Runner<LlamaModel> runner;
    Batcher<LlamaModel> batcher;
    EchoModel echo;
    return runner.step(1) + batcher.flush(2) + echo.infer(3);
}
