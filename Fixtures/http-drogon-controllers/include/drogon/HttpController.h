// A stand-in for Drogon's lib/inc/drogon/HttpController.h, written for this fixture: the macros as Drogon defines
// them, and registerMethod with Drogon's parameters (the route is "/" + the class name with "::" as "/", then the
// pattern, for METHOD_ADD; the pattern alone for ADD_METHOD_TO).
#pragma once

#include <drogon/HttpAppFramework.h>

#define METHOD_LIST_BEGIN         \
    static void initPathRouting() \
    {
#define METHOD_ADD(method, pattern, ...) \
    registerMethod(&method, pattern, {__VA_ARGS__}, true, #method)
#define ADD_METHOD_TO(method, path_pattern, ...) \
    registerMethod(&method, path_pattern, {__VA_ARGS__}, false, #method)
#define ADD_METHOD_VIA_REGEX(method, regex, ...) \
    registerMethodViaRegex(&method, regex, {__VA_ARGS__}, #method)
#define METHOD_LIST_END \
    return;             \
    }

namespace drogon {

class HttpControllerBase {};

template <typename T, bool AutoCreation = true>
class HttpController : public DrObject<T>, public HttpControllerBase {
protected:
    template <typename FUNCTION>
    static void registerMethod(FUNCTION && function, const std::string & pattern,
                               const std::vector<internal::HttpConstraint> & constraints = {},
                               bool classNameInPath = true, const std::string & handlerName = "") {
        std::string path = classNameInPath ? "/" + DrObject<T>::classTypeName() + "/" + pattern : pattern;
        app().registerHandler(path, std::forward<FUNCTION>(function), constraints, handlerName);
    }

    template <typename FUNCTION>
    static void registerMethodViaRegex(FUNCTION && function, const std::string & regExp,
                                       const std::vector<internal::HttpConstraint> & constraints = {},
                                       const std::string & handlerName = "") {
        (void) function, (void) regExp, (void) constraints, (void) handlerName;
    }
};

} // namespace drogon
