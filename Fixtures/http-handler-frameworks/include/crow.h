// A stand-in for the part of Crow's API this fixture uses, written for it: declarations (and an empty template). As in Crow
// (include/crow/app.h), CROW_ROUTE(app, url) expands to a call of the app's route template and CROW_BP_ROUTE(bp, url)
// to the blueprint's new_rule_tagged, each tagged with crow::black_magic::get_parameter_tag(url); the handler goes to the
// rule's operator(). A blueprint's rules are under '/' + its prefix.
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

namespace black_magic {
constexpr unsigned long long get_parameter_tag(const char *) { return 0; }
} // namespace black_magic

class Blueprint {
public:
    explicit Blueprint(const std::string & prefix);
    template <unsigned long long Tag> Rule & new_rule_tagged(const std::string & rule);
    Rule & new_rule_dynamic(const std::string & rule);
};

class SimpleApp {
public:
    template <unsigned long long Tag> Rule & route(const std::string & rule);
    void register_blueprint(Blueprint & blueprint);
    SimpleApp & port(int port);
    void run();
};

} // namespace crow

#define CROW_ROUTE(app, url) app.template route<crow::black_magic::get_parameter_tag(url)>(url)
#define CROW_BP_ROUTE(blueprint, url) blueprint.new_rule_tagged<crow::black_magic::get_parameter_tag(url)>(url)
