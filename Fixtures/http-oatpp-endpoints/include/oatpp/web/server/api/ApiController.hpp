// A stand-in for the part of oat++'s ApiController this fixture uses, written for it: declarations, and the few
// bodies the endpoint macros need. The macros are in oatpp/codegen/ApiController_define.hpp.
#pragma once

#include <functional>
#include <list>
#include <memory>
#include <string>

namespace oatpp {

using String = std::string;

namespace web {
namespace protocol {
namespace http {
namespace incoming {
class Request {
public:
    std::string readBodyToString() const;
    std::string getPathVariable(const std::string & name) const;
};
} // namespace incoming
namespace outgoing {
class Response {};
} // namespace outgoing
} // namespace http
} // namespace protocol

namespace server {
namespace api {

class Endpoint {
public:
    struct Info {
        std::string name, path, method;
        static std::shared_ptr<Info> createShared();
    };
};

class ApiController {
public:
    using IncomingRequest = oatpp::web::protocol::http::incoming::Request;
    using OutgoingResponse = oatpp::web::protocol::http::outgoing::Response;
    using EndpointInfoBuilder = std::function<std::shared_ptr<Endpoint::Info>()>;
    using String = oatpp::String;

    template <class T>
    class Handler {
    public:
        using Method = std::shared_ptr<OutgoingResponse> (T::*)(const std::shared_ptr<IncomingRequest> &);
        static std::shared_ptr<Handler> createShared(T * controller, Method method);
    };

    std::shared_ptr<OutgoingResponse> createResponse(int status, const oatpp::String & body) const;

protected:
    std::list<std::shared_ptr<Endpoint>> m_endpoints;

    template <class T>
    static std::shared_ptr<Endpoint> createEndpoint(std::list<std::shared_ptr<Endpoint>> & endpoints,
                                                    const std::shared_ptr<Handler<T>> & handler,
                                                    const EndpointInfoBuilder & info);
};

} // namespace api
} // namespace server
} // namespace web
} // namespace oatpp

// As in oat++'s oatpp/macro/codegen.hpp: `#include OATPP_CODEGEN_BEGIN(ApiController)` includes the endpoint macros.
#define OATPP_CODEGEN_EXPAND(X) X
#define OATPP_CODEGEN_DEFINE_ApiController "oatpp/codegen/ApiController_define.hpp"
#define OATPP_CODEGEN_UNDEF_ApiController "oatpp/codegen/ApiController_undef.hpp"
#define OATPP_CODEGEN_BEGIN(NAME) OATPP_CODEGEN_EXPAND(OATPP_CODEGEN_DEFINE_ ## NAME)
#define OATPP_CODEGEN_END(NAME) OATPP_CODEGEN_EXPAND(OATPP_CODEGEN_UNDEF_ ## NAME)
