// A model server whose handlers also run commands of their own. /convert hands the request to a shell *before*
// the model (command injection, whatever the model does); /tag stores the request with SQL and reaches no model
// at all; /version runs a constant command; main runs a command from its own arguments (not a request).
#include <cstdlib>
#include <string>

#include "httplib.h"
#include "llama.h"
#include "sqlite3.h"

static llama_context * g_ctx;
static const llama_vocab * g_vocab;
static sqlite3 * g_db;

static void convert_audio(const std::string & path) {
    std::string command = "ffmpeg -i " + path + " out.wav";
    std::system(command.c_str());
}

static void save_tag(const std::string & tag) {
    std::string sql = "INSERT INTO tags VALUES('" + tag + "')";
    sqlite3_exec(g_db, sql.c_str(), nullptr, nullptr, nullptr);
}

static void transcribe(const std::string & text) {
    llama_token tokens[64];
    int32_t n = llama_tokenize(g_vocab, text.c_str(), (int32_t) text.size(), tokens, 64, true, false);
    llama_decode(g_ctx, llama_batch_get_one(tokens, n));
}

// Precision twins: a constant command, and a crash handler's debugger call.
static void print_version() { std::system("ffmpeg -version"); }
static void abort_with_backtrace(const char * why) { std::system(why); std::abort(); }

int main(int argc, char ** argv) {
    httplib::Server svr;
    svr.Post("/convert", [&](const httplib::Request & req, httplib::Response & res) {
        convert_audio(req.body);
        transcribe(req.body);
        res.set_content("ok", "text/plain");
    });
    svr.Post("/tag", [&](const httplib::Request & req, httplib::Response & res) {
        if (req.body.empty()) abort_with_backtrace("empty tag");
        save_tag(req.body);
        res.set_content("ok", "text/plain");
    });
    svr.Get("/version", [&](const httplib::Request &, httplib::Response & res) {
        print_version();
        res.set_content("1.0", "text/plain");
    });
    if (argc > 1) std::system(argv[1]);
    svr.listen("0.0.0.0", 8080);
    return 0;
}
