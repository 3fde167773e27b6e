#pragma once
#include <functional>
#include <string>

struct Request { std::string body; };
struct Response { std::string body; };
using Handler = std::function<void(const Request &, Response &)>;

// The project's own wrapper around its HTTP server (newer llama.cpp has `server_http_context::post`).
class HttpContext {
public:
    void get(const std::string & path, Handler handler);
    void post(const std::string & path, Handler handler);
};
