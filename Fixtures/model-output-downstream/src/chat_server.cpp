// A chat handler that does things with the model's reply: speaks it through a shell command, writes it to a
// file and a database — and, inside the model call, posts a webhook after decoding.
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

static void post_webhook() {
    CURL * curl = curl_easy_init();
    curl_easy_perform(curl);
    curl_easy_cleanup(curl);
}

static std::string complete(const std::string & prompt) {
    llama_token tokens[64];
    int32_t n = llama_tokenize(g_vocab, prompt.c_str(), (int32_t) prompt.size(), tokens, 64, true, false);
    llama_decode(g_ctx, llama_batch_get_one(tokens, n));
    post_webhook();
    return "reply";
}

static void speak(const std::string & text) {
    std::string command = "say '" + text + "'";
    std::system(command.c_str());
}

static void save_transcript(const std::string & text) {
    std::ofstream out("transcript.txt", std::ios::app);
    out << text << "\n";
}

static void remember(sqlite3 * db, const std::string & text) {
    std::string sql = "INSERT INTO memory VALUES('" + text + "')";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

// Four calls away from the handler: past the depth sinkmap looks (3).
static void run_archiver(const std::string & text) { popen(text.c_str(), "r"); }
static void archive_later(const std::string & text) { run_archiver(text); }
static void archive(const std::string & text) { archive_later(text); }

// Called before the model: what it does is not downstream of the model call.
static void audit(const char * what) {
    std::string command = std::string("logger ") + what;
    std::system(command.c_str());
}

int main() {
    httplib::Server svr;
    sqlite3 * db = nullptr;

    svr.Post("/chat", [&](const httplib::Request & req, httplib::Response & res) {
        audit("chat request");
        std::string reply = complete(req.body);
        speak(reply);
        save_transcript(reply);
        remember(db, reply);
        archive(reply);
        res.set_content(reply, "text/plain");
    });

    return svr.listen("0.0.0.0", 8080) ? 0 : 1;
}
