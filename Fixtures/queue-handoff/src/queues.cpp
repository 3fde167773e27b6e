// Work handed from a producer to a consumer through a container member: a task queue drained by a loop, and a
// thread pool whose jobs are std::function objects. The producer reaches the consumer (a `handoff` edge); the
// jobs popped and called reach what was enqueued.
#include <deque>
#include <functional>
#include <queue>
#include <utility>

// A stand-in for the llama.cpp C API, written for this fixture: declarations only.
struct llama_context;
int llama_decode(llama_context * ctx, int n_tokens);
int llama_tokenize(llama_context * ctx, const char * text, int * tokens, int n_max);

static llama_context * g_ctx;

struct Task { int n_tokens; };

// The producer pushes, the loop takes the front and pops it.
struct TaskQueue {
    std::deque<Task> tasks;
    void post(Task t) { tasks.push_back(t); }
    void start_loop() {
        while (!tasks.empty()) {
            Task t = tasks.front();
            tasks.pop_front();
            llama_decode(g_ctx, t.n_tokens);
        }
    }
};

// Jobs as std::function objects: enqueue pushes, the worker pops one and calls it.
struct ThreadPool {
    std::queue<std::function<void()>> jobs;
    void enqueue(std::function<void()> job) { jobs.push(std::move(job)); }
    void worker() {
        auto job = std::move(jobs.front());
        jobs.pop();
        job();
    }
};

// Precision twins. A cache that reads its front item but never takes it out: not a consumer, so adding to it
// reaches nothing. And a field of the same name and type in another class: TaskQueue::post never reaches
// OtherQueue::drain.
struct Cache {
    std::deque<Task> tasks;
    void add(Task t) { tasks.push_back(t); }
    void peek() { if (!tasks.empty()) llama_decode(g_ctx, tasks.front().n_tokens); }
};

struct OtherQueue {
    std::deque<Task> tasks;
    void drain() {
        while (!tasks.empty()) { llama_decode(g_ctx, tasks.back().n_tokens); tasks.pop_back(); }
    }
};

void handle_request(TaskQueue & queue, ThreadPool & pool, Cache & cache) {
    queue.post(Task{8});
    pool.enqueue([] { int t[8]; llama_tokenize(g_ctx, "hello", t, 8); });
    cache.add(Task{1});
}
