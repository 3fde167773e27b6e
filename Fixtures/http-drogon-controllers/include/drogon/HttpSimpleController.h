// A stand-in for Drogon's lib/inc/drogon/HttpSimpleController.h, written for this fixture: the macros as Drogon
// defines them. The handler of a simple controller is its asyncHandleHttpRequest override.
#pragma once

#include <drogon/HttpAppFramework.h>

#define PATH_LIST_BEGIN           \
    static void initPathRouting() \
    {
#define PATH_ADD(path, ...) registerSelf__(path, {__VA_ARGS__})
#define PATH_LIST_END }

namespace drogon {

class HttpSimpleControllerBase {
public:
    virtual void asyncHandleHttpRequest(const HttpRequestPtr & req,
                                        std::function<void(const HttpResponsePtr &)> && callback) = 0;
    virtual ~HttpSimpleControllerBase() {}
};

template <typename T, bool AutoCreation = true>
class HttpSimpleController : public DrObject<T>, public HttpSimpleControllerBase {
protected:
    static void registerSelf__(const std::string & path, const std::vector<internal::HttpConstraint> & constraints) {
        app().registerHttpSimpleController(path, DrObject<T>::classTypeName(), constraints);
    }
};

} // namespace drogon
