// A Drogon simple controller: PATH_ADD routes to its asyncHandleHttpRequest.
#pragma once

#include <drogon/HttpSimpleController.h>

using namespace drogon;

class health : public drogon::HttpSimpleController<health> {
public:
    void asyncHandleHttpRequest(const HttpRequestPtr & req,
                                std::function<void(const HttpResponsePtr &)> && callback) override;
    PATH_LIST_BEGIN
    PATH_ADD("/healthz", Get);
    PATH_LIST_END
};
