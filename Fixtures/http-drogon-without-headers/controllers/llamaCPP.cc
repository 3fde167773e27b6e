#include "llamaCPP.h"

#include <string>

using namespace inferences;

void llamaCPP::ChatCompletion(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback) {
  auto body = req->getJsonObject();
  llama.complete((*body)["prompt"].asString());
  callback(HttpResponse::newHttpResponse());
}

void llamaCPP::Embedding(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback) {
  auto body = req->getJsonObject();
  llama.tokenize((*body)["input"].asString());
  callback(HttpResponse::newHttpResponse());
}

void llamaCPP::ModelStatus(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback) {
  callback(HttpResponse::newHttpResponse());
}

// Its route is commented out: not a handler (it reaches no sink either).
void llamaCPP::handlePrelight(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback) {
  callback(HttpResponse::newHttpResponse());
}

// Not in the method list: reaches the model, but no request does.
void llamaCPP::WarmupModel() {
  llama.complete("warm up");
}
