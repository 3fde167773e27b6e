// A stand-in for oat++'s oatpp/codegen/api_controller/base_define.hpp, written for this fixture and shortened: the
// same ENDPOINT(METHOD, PATH, NAME, params…) macro, choosing between a parameterless and a parameterised expansion
// as oat++'s binary selector does, each writing what oat++ writes — an endpoint-info lambda, the endpoint field, the
// handler getter, a Z__PROXY_METHOD_NAME that reads the request and calls NAME — and ending with NAME's own
// signature, so the body written after the macro is NAME's. Parameters: BODY_STRING and PATH, one per endpoint.

#define OATPP_MACRO_EXPAND(X) X
#define OATPP_MACRO_CONCAT(A, B) OATPP_MACRO_CONCAT_(A, B)
#define OATPP_MACRO_CONCAT_(A, B) A##B
#define OATPP_MACRO_PICK(_1, _2, _3, _4, _5, _6, _7, _8, N, ...) N
#define OATPP_MACRO_HAS_ARGS(...) OATPP_MACRO_EXPAND(OATPP_MACRO_PICK(__VA_ARGS__, 1, 1, 1, 1, 1, 1, 1, 0, ))
#define OATPP_MACRO_MACRO_BINARY_SELECTOR(MACRO, ARGS) OATPP_MACRO_CONCAT(MACRO, OATPP_MACRO_HAS_ARGS ARGS)

#define BODY_STRING(TYPE, NAME) (OATPP_MACRO_API_CONTROLLER_BODY_STRING, TYPE, NAME)
#define PATH(TYPE, NAME) (OATPP_MACRO_API_CONTROLLER_PATH, TYPE, NAME)
#define OATPP_MACRO_API_CONTROLLER_BODY_STRING(TYPE, NAME) const TYPE NAME = __request->readBodyToString();
#define OATPP_MACRO_API_CONTROLLER_PATH(TYPE, NAME) const TYPE NAME = __request->getPathVariable(#NAME);
#define OATPP_MACRO_API_CONTROLLER_PARAM_PUT(MACRO, TYPE, NAME) MACRO(TYPE, NAME)
#define OATPP_MACRO_API_CONTROLLER_PARAM_DECL(MACRO, TYPE, NAME) const TYPE & NAME
#define OATPP_MACRO_API_CONTROLLER_PARAM_NAME(MACRO, TYPE, NAME) NAME

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_DECL_DEFAULTS(NAME, METHOD, PATH) \
template <class T> \
static std::shared_ptr<Handler<T>> Z__ENDPOINT_HANDLER_GET_INSTANCE_##NAME(T * controller) { \
  return Handler<T>::createShared(controller, &T::Z__PROXY_METHOD_##NAME); \
}

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_DECL(NAME, METHOD, PATH) \
EndpointInfoBuilder Z__CREATE_ENDPOINT_INFO_##NAME = [this]() { \
  auto info = oatpp::web::server::api::Endpoint::Info::createShared(); \
  info->name = #NAME; \
  info->path = PATH; \
  info->method = METHOD; \
  return info; \
}; \
const std::shared_ptr<oatpp::web::server::api::Endpoint> Z__ENDPOINT_##NAME = \
  createEndpoint(m_endpoints, Z__ENDPOINT_HANDLER_GET_INSTANCE_##NAME(this), Z__CREATE_ENDPOINT_INFO_##NAME);

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_0(NAME, METHOD, PATH) \
OATPP_MACRO_API_CONTROLLER_ENDPOINT_DECL_DEFAULTS(NAME, METHOD, PATH) \
OATPP_MACRO_API_CONTROLLER_ENDPOINT_DECL(NAME, METHOD, PATH) \
std::shared_ptr<OutgoingResponse> Z__PROXY_METHOD_##NAME(const std::shared_ptr<IncomingRequest> & __request) { \
  (void) __request; \
  return NAME(); \
} \
std::shared_ptr<OutgoingResponse> NAME()

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_1(NAME, METHOD, PATH, PARAM) \
OATPP_MACRO_API_CONTROLLER_ENDPOINT_DECL_DEFAULTS(NAME, METHOD, PATH) \
OATPP_MACRO_API_CONTROLLER_ENDPOINT_DECL(NAME, METHOD, PATH) \
std::shared_ptr<OutgoingResponse> Z__PROXY_METHOD_##NAME(const std::shared_ptr<IncomingRequest> & __request) { \
  OATPP_MACRO_API_CONTROLLER_PARAM_PUT PARAM \
  return NAME(OATPP_MACRO_API_CONTROLLER_PARAM_NAME PARAM); \
} \
std::shared_ptr<OutgoingResponse> NAME(OATPP_MACRO_API_CONTROLLER_PARAM_DECL PARAM)

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_MACRO_0(METHOD, PATH, NAME) \
OATPP_MACRO_EXPAND(OATPP_MACRO_API_CONTROLLER_ENDPOINT_0(NAME, METHOD, PATH))

#define OATPP_MACRO_API_CONTROLLER_ENDPOINT_MACRO_1(METHOD, PATH, NAME, ...) \
OATPP_MACRO_EXPAND(OATPP_MACRO_API_CONTROLLER_ENDPOINT_1(NAME, METHOD, PATH, __VA_ARGS__))

#define ENDPOINT(METHOD, PATH, ...) \
OATPP_MACRO_EXPAND(OATPP_MACRO_MACRO_BINARY_SELECTOR(OATPP_MACRO_API_CONTROLLER_ENDPOINT_MACRO_, (__VA_ARGS__)) (METHOD, PATH, __VA_ARGS__))
