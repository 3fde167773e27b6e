// The application: loads the model at start, serves /chat through the pipeline and /tokenize through the
// tokenizer. Its own helpers (static, or in this file) are not the model API.
#include <string>

#include "engine.h"
#include "httplib.h"

static engine::Pipeline pipeline;
static engine::Tokenizer tokenizer;

static std::string handle_chat(const std::string & body) { return pipeline.chat(body); }

int main(int argc, char ** argv) {
    engine::ModelLoader loader;
    if (argc < 2 || !loader.load(argv[1])) return 1;
    httplib::Server svr;
    svr.Post("/chat", [](const httplib::Request & req, httplib::Response & res) {
        res.set_content(handle_chat(req.body), "text/plain");
    });
    svr.Post("/tokenize", [](const httplib::Request & req, httplib::Response & res) {
        res.set_content(std::to_string(tokenizer.encode(req.body).size()), "text/plain");
    });
    svr.listen("0.0.0.0", 8080);
    return 0;
}
