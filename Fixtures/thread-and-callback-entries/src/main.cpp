// Functions handed to threads are reached from the function that starts the thread (an `async` edge); one
// handed to a library as a callback starts paths of its own.
#include <pthread.h>

#include <future>
#include <string>
#include <thread>

#include "downloader.h"
#include "llama.h"

static llama_context * g_ctx;
static const llama_vocab * g_vocab;

static void decode_batch() {
    llama_token tokens[1] = {1};
    llama_decode(g_ctx, llama_batch_get_one(tokens, 1));
}

static int count_tokens(const std::string & text) {
    llama_token tokens[64];
    return llama_tokenize(g_vocab, text.c_str(), (int32_t) text.size(), tokens, 64, true, false);
}

// Run by std::thread.
static void worker_loop(int batches) {
    for (int i = 0; i < batches; ++i) decode_batch();
}

// Run by pthread_create.
static void * embed_thread(void *) {
    count_tokens("embed me");
    return nullptr;
}

// Run by std::async.
static int summarize(std::string text) {
    return count_tokens(text);
}

// Same type as worker_loop, but never started on a thread: handed to the library, so a callback, never an
// `async` callee of main (the precision twin).
static void idle_loop(int batches) {
    for (int i = 0; i < batches; ++i) decode_batch();
}

// Called by the downloader library, which sinkmap does not see: a callback.
static void on_progress(float fraction, void *) {
    if (fraction >= 1.0f) count_tokens("download complete");
}

int main() {
    std::thread worker(worker_loop, 4);
    std::thread warmup([] { decode_batch(); });

    pthread_t embedder;
    pthread_create(&embedder, nullptr, embed_thread, nullptr);

    auto summary = std::async(std::launch::async, summarize, std::string("a long text"));

    downloader_set_progress_callback(on_progress, nullptr);
    downloader_on_idle(idle_loop);
    downloader_fetch("https://example.com/model.gguf");

    worker.join();
    warmup.join();
    pthread_join(embedder, nullptr);
    return summary.get() > 0 ? 0 : 1;
}
