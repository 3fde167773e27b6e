// Drogon: a lambda registered with HttpAppFramework::registerHandler and a method list.
#include <string>

#include "drogon.h"

std::string generate(const std::string & prompt);

void run_drogon() {
    drogon::app().registerHandler(
        "/v1/chat",
        [](const drogon::HttpRequestPtr & req, drogon::Callback && callback) {
            auto resp = drogon::HttpResponse::newHttpResponse();
            resp->setBody(generate(req->getBody()));
            callback(resp);
        },
        {drogon::Post});
    drogon::app().addListener("0.0.0.0", 8081).run();
}
