#include "health.h"

int count_tokens(const std::string & text);

void health::asyncHandleHttpRequest(const HttpRequestPtr & req, std::function<void(const HttpResponsePtr &)> && callback) {
    auto resp = HttpResponse::newHttpResponse();
    resp->setBody(count_tokens(req->getBody()) > 0 ? "ok" : "empty");
    callback(resp);
}
