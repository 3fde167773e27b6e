// A stand-in for the part of Drogon's API the controller macros use, written for this fixture: declarations, and
// empty templates where Drogon's are templates. The macros and the registration functions below have the shape of
// Drogon's own (lib/inc/drogon/HttpController.h, HttpSimpleController.h): same parameters, same expansion.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace drogon {

enum HttpMethod { Get = 0, Post, Head, Put, Delete, Options, Patch, Invalid };

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

namespace internal {
struct HttpConstraint {
    HttpConstraint(HttpMethod method);
};
} // namespace internal

class HttpAppFramework {
public:
    template <typename FUNCTION>
    HttpAppFramework & registerHandler(const std::string & pathPattern, FUNCTION && function,
                                       const std::vector<internal::HttpConstraint> & constraints = {},
                                       const std::string & handlerName = "") {
        (void) pathPattern, (void) function, (void) constraints, (void) handlerName;
        return *this;
    }
    void registerHttpSimpleController(const std::string & pathName, const std::string & ctrlName,
                                      const std::vector<internal::HttpConstraint> & constraints = {});
    HttpAppFramework & addListener(const std::string & ip, int port);
    void run();
};

HttpAppFramework & app();

template <typename T>
class DrObject {
public:
    static const std::string & classTypeName();
};

} // namespace drogon
