// A Boost.Beast server: no route table, so a handler is a function that takes the request. Beast's examples write it
// as a template over the body and allocator (handle_request), or for one body type (handle_chat).
#include <boost/beast/http.hpp>

#include <string>
#include <utility>

namespace beast = boost::beast;
namespace http = beast::http;

std::string generate(const std::string & prompt);
int count_tokens(const std::string & text);

template <class Body, class Allocator>
http::response<http::string_body> handle_request(http::request<Body, http::basic_fields<Allocator>> && req) {
    http::response<http::string_body> res;
    res.body() = generate(req.body());
    return res;
}

http::response<http::string_body> handle_chat(const http::request<http::string_body> & req) {
    http::response<http::string_body> res;
    res.body() = std::to_string(count_tokens(req.body()));
    return res;
}

// Not a handler: it takes a response, not a request, and builds no reply from a client's input.
void log_reply(http::response<http::string_body> & res) {
    res.body() = generate("log: " + res.body());
}

class session {
public:
    void on_read() {
        http::request<http::string_body> req;
        auto res = handle_request(std::move(req));
        log_reply(res);
    }
};
