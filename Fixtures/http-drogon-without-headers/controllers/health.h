// A Drogon simple controller, scanned without Drogon: PATH_ADD routes to asyncHandleHttpRequest.
#pragma once

#include <drogon/HttpSimpleController.h>

#include <functional>

using namespace drogon;

class health : public drogon::HttpSimpleController<health> {
 public:
  void asyncHandleHttpRequest(const HttpRequestPtr& req, std::function<void(const HttpResponsePtr&)>&& callback) override;
  PATH_LIST_BEGIN
  PATH_ADD("/healthz", Get);
  PATH_LIST_END
};
