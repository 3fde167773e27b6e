#include "health.h"

void health::asyncHandleHttpRequest(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback) {
  callback(HttpResponse::newHttpResponse());
}
