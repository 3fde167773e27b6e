#include <functional>
#include <utility>

int llama_decode(void * ctx, int n_tokens);

// A task queue that calls back into the server, as llama.cpp's server does with
// queue.on_update_slots(std::bind(&server_context::update_slots, &ctx)).
struct TaskQueue {
    std::function<void()> update;
    void on_update(std::function<void()> callback) { update = std::move(callback); }
    void run_once() { update(); }
};

struct ServerContext {
    void *ctx = nullptr;
    void update_slots();
    void unused_helper() {}
};

void ServerContext::update_slots() { llama_decode(ctx, 1); }

// The same shape, another class: its `update` is never bound to update_slots, so calling it reaches nothing.
struct MetricsQueue {
    std::function<void()> update;
    void on_update(std::function<void()> callback) { update = std::move(callback); }
    void run_once() { update(); }
};

void report_metrics() {
    MetricsQueue metrics;
    metrics.run_once();
}

int main() {
    ServerContext server;
    TaskQueue queue;
    queue.on_update(std::bind(&ServerContext::update_slots, &server));
    queue.run_once();
    report_metrics();
    return 0;
}
