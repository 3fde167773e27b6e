// Which routes' request text reaches the model call's arguments, and where the model's output goes.
// Each rule has a twin that must not flow.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "curl/curl.h"
#include "httplib.h"
#include "llama.h"
#include "sqlite3.h"

static llama_context * g_ctx;
static const llama_vocab * g_vocab;
static llama_sampler * g_smpl;

// Tokenizes and decodes whatever it is given.
static int evaluate(const std::string & prompt) {
    llama_token tokens[256];
    int32_t n = llama_tokenize(g_vocab, prompt.c_str(), (int32_t) prompt.size(), tokens, 256, true, false);
    return llama_decode(g_ctx, llama_batch_get_one(tokens, n));
}

// Tokenizes, decodes, samples one token and returns its text: the model's output.
static std::string generate(const std::string & prompt) {
    llama_token tokens[256];
    int32_t n = llama_tokenize(g_vocab, prompt.c_str(), (int32_t) prompt.size(), tokens, 256, true, false);
    llama_decode(g_ctx, llama_batch_get_one(tokens, n));
    llama_token next = llama_sampler_sample(g_smpl, g_ctx, -1);
    char piece[64];
    int32_t len = llama_token_to_piece(g_vocab, next, piece, sizeof piece, 0, false);
    return std::string(piece, len);
}

// A conversation keeps the user's text in a field; respond() decodes it, greet() decodes a fixed field.
class Conversation {
public:
    void add(const httplib::Request & req) {
        history_ = history_ + req.body;
        respond();
    }
    void restart() {
        history_.clear();
        greet();
    }
    void set_topic(const std::string & topic) { topic_ = topic; }
    int discuss() { return evaluate(topic_); }

private:
    void respond() { evaluate(history_); }
    void greet() { evaluate(greeting_); }

    std::string history_;
    std::string greeting_ = "Hello!";
    std::string topic_;
};

static int pid_of_server() { return 42; }

// Helpers the model's output is handed to: a file, a database, a webhook.
static void journal(const std::string & text) {
    std::ofstream out("journal.txt", std::ios::app);
    out << text << "\n";
}

static void remember(sqlite3 * db, const std::string & text) {
    std::string sql = "INSERT INTO memory VALUES('" + text + "')";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

static void notify(const std::string & text) {
    CURL * curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, text.c_str());
    curl_easy_perform(curl);
    curl_easy_cleanup(curl);
}

// The same helpers given something else.
static void heartbeat(sqlite3 * db) {
    journal("alive");
    remember(db, "heartbeat");
    notify("up");
}

int main(int argc, char ** argv) {
    httplib::Server svr;
    Conversation conversation;
    sqlite3 * db = nullptr;

    // The request body is the prompt: flows.
    svr.Post("/chat", [&](const httplib::Request & req, httplib::Response & res) {
        evaluate(req.body);
        res.set_content("ok", "text/plain");
    });

    // A constant prompt: the request reaches nothing the model is given.
    svr.Post("/warmup", [&](const httplib::Request & req, httplib::Response & res) {
        evaluate("Hello");
        res.set_content(req.body, "text/plain");
    });

    // Through string concatenation and append.
    svr.Post("/wrap", [&](const httplib::Request & req, httplib::Response &) {
        std::string prompt = "<|user|>" + req.get_param_value("q") + "<|end|>";
        std::string full;
        full.append("<|system|>be brief<|end|>");
        full.append(prompt);
        evaluate(full);
    });

    // Through snprintf into a buffer.
    svr.Post("/format", [&](const httplib::Request & req, httplib::Response &) {
        char buf[512];
        snprintf(buf, sizeof buf, "Q: %s\nA:", req.body.c_str());
        evaluate(buf);
    });

    // The request is only logged; the model gets a constant.
    svr.Post("/logged", [&](const httplib::Request & req, httplib::Response &) {
        fprintf(stderr, "request: %s\n", req.body.c_str());
        evaluate("You are a helpful assistant.");
    });

    // A field of the same object (this->history_) flows; another field of it (greeting_) does not.
    svr.Post("/converse", [&](const httplib::Request & req, httplib::Response &) { conversation.add(req); });
    svr.Post("/restart", [&](const httplib::Request &, httplib::Response &) { conversation.restart(); });

    // A field set on one object flows when that object is used, not when another one is.
    svr.Post("/topic", [&](const httplib::Request & req, httplib::Response &) {
        Conversation mine;
        mine.set_topic(req.body);
        mine.discuss();
    });
    svr.Post("/other-topic", [&](const httplib::Request & req, httplib::Response &) {
        Conversation mine, theirs;
        mine.set_topic(req.body);
        theirs.discuss();
    });

    // The model's output runs as a shell command.
    svr.Post("/act", [&](const httplib::Request & req, httplib::Response & res) {
        std::string command = generate(req.body);
        std::system(command.c_str());
        res.set_content(command, "text/plain");
    });

    // The model's output is returned; the shell command after it is built from something else.
    svr.Post("/status", [&](const httplib::Request & req, httplib::Response & res) {
        std::string reply = generate(req.body);
        std::string command = "logger " + std::to_string(pid_of_server());
        std::system(command.c_str());
        res.set_content(reply, "text/plain");
    });

    // The model's output goes to a file, a database and a webhook, each through a helper; the heartbeat after it
    // calls the same helpers with constants.
    svr.Post("/journal", [&](const httplib::Request & req, httplib::Response &) {
        std::string reply = generate(req.body);
        journal(reply);
        remember(db, reply);
        notify(reply);
        heartbeat(db);
    });

    // The command line: argv reaches the model.
    if (argc > 1) evaluate(argv[1]);
    return svr.listen("0.0.0.0", 8080) ? 0 : 1;
}
