// llama.cpp's server in miniature: a route's handler builds a task from the request and posts it to a queue; a
// loop takes tasks out, hands each to a callback that fills a slot, then calls the callback that decodes every
// slot. /completion's request reaches llama_decode across the hand-off; /metrics posts a constant task and does
// not; /tokenize tokenizes in the handler itself.
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "httplib.h"
#include "llama.h"

struct server_task {
    int type = 0;
    std::string prompt;
};

struct server_slot {
    std::vector<llama_token> tokens;
};

struct server_queue {
    std::deque<server_task> queue_tasks;
    std::function<void(server_task &&)> callback_new_task;
    std::function<void(void)> callback_update_slots;

    void post(server_task task) { queue_tasks.push_back(std::move(task)); }

    void start_loop() {
        while (true) {
            while (!queue_tasks.empty()) {
                server_task task = std::move(queue_tasks.front());
                queue_tasks.pop_front();
                callback_new_task(std::move(task));
            }
            callback_update_slots();
        }
    }
};

struct server_context {
    llama_context * ctx = nullptr;
    const llama_vocab * vocab = nullptr;
    server_queue queue_tasks;
    std::vector<server_slot> slots;
    llama_batch batch = {};

    void process_task(server_task && task) {
        server_slot & slot = slots[0];
        slot.tokens.resize(task.prompt.size());
        llama_tokenize(vocab, task.prompt.c_str(), (int32_t) task.prompt.size(), slot.tokens.data(),
                       (int32_t) slot.tokens.size(), true, true);
    }

    void update_slots() {
        for (server_slot & slot : slots) {
            batch.token = slot.tokens.data();
            batch.n_tokens = (int32_t) slot.tokens.size();
        }
        llama_batch view = { batch.n_tokens, batch.token };
        llama_decode(ctx, view);
    }
};

int main() {
    httplib::Server svr;
    server_context ctx_server;

    svr.Post("/completion", [&ctx_server](const httplib::Request & req, httplib::Response & res) {
        server_task task;
        task.prompt = req.body;
        ctx_server.queue_tasks.post(std::move(task));
        res.set_content("queued", "text/plain");
    });

    svr.Get("/metrics", [&ctx_server](const httplib::Request &, httplib::Response & res) {
        server_task task;
        task.type = 1;
        ctx_server.queue_tasks.post(std::move(task));
        res.set_content("metrics", "text/plain");
    });

    svr.Post("/tokenize", [&ctx_server](const httplib::Request & req, httplib::Response & res) {
        std::vector<llama_token> tokens(req.body.size());
        llama_tokenize(ctx_server.vocab, req.body.c_str(), (int32_t) req.body.size(), tokens.data(),
                       (int32_t) tokens.size(), false, true);
        res.set_content("tokens", "application/json");
    });

    ctx_server.queue_tasks.callback_new_task = [&ctx_server](server_task && task) { ctx_server.process_task(std::move(task)); };
    ctx_server.queue_tasks.callback_update_slots = [&ctx_server]() { ctx_server.update_slots(); };
    ctx_server.queue_tasks.start_loop();
    return svr.listen("0.0.0.0", 8080) ? 0 : 1;
}
