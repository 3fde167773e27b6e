// A stand-in for the part of Crow's API this fixture uses, written for it: declarations (and an empty template). As in Crow,
// CROW_ROUTE(app, url) expands to a call of the app's route template, and the handler goes to the rule's
// operator().
#pragma once

#include <string>

namespace crow {

enum class HTTPMethod { Get, Post, Put, Delete };

struct request {
    std::string body;
};

struct response {
    explicit response(const std::string & body);
};

class Rule {
public:
    Rule & methods(HTTPMethod method);
    template <typename Func> void operator()(Func && f) { (void) f; }
};

constexpr unsigned long long parameter_tag(const char *) { return 0; }

class SimpleApp {
public:
    template <unsigned long long Tag> Rule & route(const std::string & rule);
    SimpleApp & port(int port);
    void run();
};

} // namespace crow

#define CROW_ROUTE(app, url) app.template route<crow::parameter_tag(url)>(url)
