// Crow: routes declared with CROW_ROUTE, the handler a lambda given to the rule.
#include <string>

#include "crow.h"

std::string generate(const std::string & prompt);
int count_tokens(const std::string & text);

void run_crow() {
    crow::SimpleApp app;

    CROW_ROUTE(app, "/generate").methods(crow::HTTPMethod::Post)([](const crow::request & req) {
        return crow::response(generate(req.body));
    });

    // No methods(): Crow's default, GET.
    CROW_ROUTE(app, "/tokens")([](const crow::request & req) {
        return crow::response(std::to_string(count_tokens(req.body)));
    });

    // A blueprint: its rules are under /api/v1.
    crow::Blueprint api("api/v1");
    CROW_BP_ROUTE(api, "/embed").methods(crow::HTTPMethod::Post)([](const crow::request & req) {
        return crow::response(std::to_string(count_tokens(req.body)));
    });
    app.register_blueprint(api);

    app.port(18080).run();
}
