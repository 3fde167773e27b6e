#include "chat.h"

#include <string>

std::string generate(const std::string & prompt);
int count_tokens(const std::string & text);

namespace inferences {

void Chat::complete(const HttpRequestPtr & req, std::function<void(const HttpResponsePtr &)> && callback) {
    auto resp = HttpResponse::newHttpResponse();
    resp->setBody(generate(req->getBody()));
    callback(resp);
}

void Chat::embed(const HttpRequestPtr & req, std::function<void(const HttpResponsePtr &)> && callback) {
    auto resp = HttpResponse::newHttpResponse();
    resp->setBody(std::to_string(count_tokens(req->getBody())));
    callback(resp);
}

void Chat::status(const HttpRequestPtr & req, std::function<void(const HttpResponsePtr &)> && callback) const {
    (void) req;
    callback(HttpResponse::newHttpResponse());
}

// Not in the method list: reaches the model, but no request does.
void Chat::warmup() {
    generate("warm up");
}

} // namespace inferences
