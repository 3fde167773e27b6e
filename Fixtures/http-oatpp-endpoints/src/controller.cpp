// An oat++ API controller: each ENDPOINT(METHOD, PATH, NAME, params…) defines the method NAME as the handler of
// METHOD PATH.
#include <memory>
#include <string>

#include "oatpp/web/server/api/ApiController.hpp"

std::string generate(const std::string & prompt);
int count_tokens(const std::string & text);

#include OATPP_CODEGEN_BEGIN(ApiController)

class InferenceController : public oatpp::web::server::api::ApiController {
public:
    ENDPOINT("POST", "/v1/completions", completions, BODY_STRING(String, body)) {
        return createResponse(200, generate(body));
    }

    ENDPOINT("GET", "/v1/tokens/{text}", tokens, PATH(String, text)) {
        return createResponse(200, std::to_string(count_tokens(text)));
    }

    ENDPOINT("GET", "/health", health) {
        return createResponse(200, "ok");
    }

    // Not an endpoint: a plain method of the controller, reached only by warm_up below.
    std::shared_ptr<OutgoingResponse> preload() {
        return createResponse(200, generate("preload"));
    }
};

#include OATPP_CODEGEN_END(ApiController)

void warm_up(InferenceController & controller) {
    controller.preload();
}
