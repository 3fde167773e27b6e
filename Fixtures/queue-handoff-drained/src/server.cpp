// nitro's llama_server_context (2024): the request handler queues a task; process_tasks takes it out of the queue
// and puts it into a slot; update_slots — the method that calls process_tasks, run by the background thread —
// decodes the slots afterwards. The item's work goes on in update_slots after the call, not inside process_tasks.
// Precision twin: Auditor::audit, a method of another class, also calls process_tasks and then decodes; it is not
// the queue's loop and the handler must not reach it. /warmup queues a constant: its path carries no request text.
#include <string>
#include <thread>
#include <vector>

#include "httplib.h"
#include "llama.h"

struct Task {
    int id;
    std::string prompt;
};

struct Slot {
    std::string prompt;
    std::vector<llama_token> tokens;
};

class ServerContext {
public:
    int request_completion(const std::string & prompt) {
        Task task{next_id++, prompt};
        queue_tasks.push_back(task);
        return task.id;
    }

    void process_tasks() {
        while (!queue_tasks.empty()) {
            Task task = queue_tasks.front();
            queue_tasks.erase(queue_tasks.begin());
            slots[0].prompt = task.prompt;
        }
    }

    bool update_slots() {
        process_tasks();
        for (Slot & slot : slots) {
            if (slot.prompt.empty()) continue;
            slot.tokens.resize(slot.prompt.size() + 2);
            int32_t n = llama_tokenize(vocab, slot.prompt.c_str(), (int32_t) slot.prompt.size(), slot.tokens.data(),
                                       (int32_t) slot.tokens.size(), true, false);
            llama_decode(ctx, llama_batch_get_one(slot.tokens.data(), n));
        }
        return true;
    }

    llama_context * ctx = nullptr;
    const llama_vocab * vocab = nullptr;
    std::vector<Slot> slots = std::vector<Slot>(1);

private:
    int next_id = 0;
    std::vector<Task> queue_tasks;
};

class Auditor {
public:
    explicit Auditor(ServerContext & server) : server_(server) {}
    void audit() {
        server_.process_tasks();
        llama_decode(server_.ctx, llama_batch_get_one(nullptr, 0));
    }

private:
    ServerContext & server_;
};

static void do_background_tasks(ServerContext * server) {
    while (server->update_slots()) {
    }
}

int main() {
    ServerContext server;
    std::thread worker(do_background_tasks, &server);
    httplib::Server svr;
    svr.Post("/v1/chat/completions", [&](const httplib::Request & req, httplib::Response & res) {
        int id = server.request_completion(req.body);
        res.set_content(std::to_string(id), "application/json");
    });
    // The same queue given a constant: the path is there, the request's text is not on it.
    svr.Post("/warmup", [&](const httplib::Request &, httplib::Response & res) {
        res.set_content(std::to_string(server.request_completion("Hello")), "application/json");
    });
    Auditor auditor(server);
    svr.Post("/audit", [&](const httplib::Request &, httplib::Response &) { auditor.audit(); });
    svr.listen("0.0.0.0", 8080);
    worker.join();
    return 0;
}
