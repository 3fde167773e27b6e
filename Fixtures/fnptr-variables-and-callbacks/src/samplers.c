#include "steps.h"

int pick_greedy(int n_vocab) {
    return llama_sampler_sample(g_sampler, g_ctx, n_vocab - 1);
}

int pick_random(int n_vocab) {
    return llama_sampler_sample(g_sampler, g_ctx, n_vocab / 2);
}

/* Same type as pick_greedy, but its address is never taken: no pointer call can reach it. */
int pick_unused(int n_vocab) {
    return llama_sampler_sample(g_sampler, g_ctx, 0 * n_vocab);
}

/* Address taken, but of another type: int(int, int). */
int pick_top_k(int n_vocab, int k) {
    return llama_sampler_sample(g_sampler, g_ctx, n_vocab > k ? k : n_vocab);
}

/* Address-taking sites: a global's initializer and an argument to an external function. */
sample_fn g_default_sampler = pick_greedy;
int (*g_top_k_sampler)(int, int) = pick_top_k;

void install_samplers(void) {
    register_sampler("random", pick_random);
}

/* Library API nothing in the program calls: nothing is known about `pick`, so the call may reach every
 * address-taken function of type int(int). */
int generate_with(sample_fn pick, int n_vocab) {
    return pick(n_vocab);
}
