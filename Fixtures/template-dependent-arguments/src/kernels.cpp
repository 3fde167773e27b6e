int llama_decode(void * ctx, int n_tokens);
int llama_encode(void * ctx, int n_tokens);

// Overloads: which one a dependent call picks is decided per instantiation.
int submit(int n) { return llama_decode(nullptr, n); }
int submit(double n) { return n > 0 ? 1 : 0; }
int prepare(long n) { return (int) n; }

// Calls whose arguments depend on T: libclang names an overload set, not a function.
template <class T> int run_batch(T n) {
    prepare(n);
    return submit(n);
}

// A member of a class template calling another member on the implicit `this`.
template <class T> struct Encoder {
    int step(T v) { return encode_all(v); }
    int encode_all(T v) { return llama_encode(nullptr, (int) v); }
};

int main() {
    Encoder<int> encoder;
    return run_batch(1) + encoder.step(2);
}
