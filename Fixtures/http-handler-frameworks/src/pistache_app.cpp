// Pistache: a member function bound with Routes::bind and registered with Routes::Post.
#include <string>

#include "pistache.h"

std::string generate(const std::string & prompt);

class InferenceEndpoint {
public:
    void setup(Pistache::Rest::Router & router) {
        Pistache::Rest::Routes::Post(router, "/infer", Pistache::Rest::Routes::bind(&InferenceEndpoint::infer, this));
    }

private:
    void infer(const Pistache::Rest::Request & request, Pistache::Rest::ResponseWriter response) {
        response.send(200, generate(request.body()));
    }
};

void run_pistache() {
    Pistache::Rest::Router router;
    InferenceEndpoint endpoint;
    endpoint.setup(router);
}
