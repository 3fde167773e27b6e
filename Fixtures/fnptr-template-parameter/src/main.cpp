int llama_decode(void * ctx, int n_tokens);

// A function template taking a function pointer: the call through the parameter must reach what callers pass
// (libclang gives a template's parameters no argument count, so their position is found another way).
template <class T>
int apply(int (*step)(T), T value) {
    return step(value);
}

int decode_step(int n) { return llama_decode(nullptr, n); }

int main() {
    return apply<int>(decode_step, 1);
}
