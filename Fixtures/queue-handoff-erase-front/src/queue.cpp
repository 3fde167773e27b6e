// A work queue kept in a std::vector (LocalAI's llama_server_queue): the loop reads the first task and erases it.
#include <vector>

#include "llama.h"

struct Task {
    int id;
};

class TaskQueue {
public:
    void post(Task task) { queue_tasks.push_back(task); }

    void start_loop() {
        while (!queue_tasks.empty()) {
            Task task = queue_tasks.front();
            queue_tasks.erase(queue_tasks.begin());
            run(task);
        }
    }

    // Not a consumer: erases at a computed position of another field, and hands nothing on.
    void remember(int id) { recent.push_back(id); }
    void forget(int k) { recent.erase(recent.begin() + k); decode_recent(); }

private:
    void run(Task task) {
        llama_token tokens[1] = { (llama_token) task.id };
        llama_decode(nullptr, llama_batch_get_one(tokens, 1));
    }
    void decode_recent() {
        llama_token tokens[1] = { (llama_token) recent.size() };
        llama_decode(nullptr, llama_batch_get_one(tokens, 1));
    }
    std::vector<Task> queue_tasks;
    std::vector<int> recent;
};

TaskQueue g_queue;

void handle(int id) {
    g_queue.post(Task{id});
    g_queue.remember(id);
}

int main(int argc, char ** argv) {
    handle(argc);
    g_queue.start_loop();
    return 0;
}
