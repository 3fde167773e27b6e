// A stand-in for the part of Drogon's API this fixture uses, written for it: declarations (and an empty template).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace drogon {

enum HttpMethod { Get, Post, Put, Delete, Options };

class HttpRequest {
public:
    const std::string & getBody() const;
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;

class HttpResponse {
public:
    static std::shared_ptr<HttpResponse> newHttpResponse();
    void setBody(const std::string & body);
};
using HttpResponsePtr = std::shared_ptr<HttpResponse>;

using Callback = std::function<void(const HttpResponsePtr &)>;

class HttpAppFramework {
public:
    template <typename Function>
    HttpAppFramework & registerHandler(const std::string & pathPattern, Function && function,
                                       const std::vector<HttpMethod> & methods = {}) {
        (void) pathPattern, (void) function, (void) methods;
        return *this;
    }
    HttpAppFramework & addListener(const std::string & ip, int port);
    void run();
};

HttpAppFramework & app();

} // namespace drogon
