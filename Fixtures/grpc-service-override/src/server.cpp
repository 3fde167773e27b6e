// A gRPC server: GreeterServiceImpl overrides the generated helloworld::Greeter::Service methods.
#include <string>

#include "helloworld.grpc.pb.h"
#include "jobs.h"
#include "llama.h"

static llama_context * g_ctx;
static const llama_vocab * g_vocab;

static std::string generate(const std::string & prompt) {
    llama_token tokens[64];
    int32_t n = llama_tokenize(g_vocab, prompt.c_str(), (int32_t) prompt.size(), tokens, 64, true, false);
    return llama_decode(g_ctx, llama_batch_get_one(tokens, n)) == 0 ? "ok" : "error";
}

class GreeterServiceImpl final : public helloworld::Greeter::Service {
    grpc::Status SayHello(grpc::ServerContext *, const helloworld::HelloRequest * request,
                          helloworld::HelloReply * reply) override {
        reply->set_message(generate(request->name()));
        return grpc::Status();
    }
};

// Not gRPC: jobs::Service is the application's own class. Its override is a plain root.
class WarmupJob : public jobs::Service {
public:
    void run() override { generate("warm up"); }
};

int main() {
    GreeterServiceImpl service;
    grpc::ServerBuilder builder;
    builder.AddListeningPort("0.0.0.0:50051", 0);
    builder.RegisterService(&service);
    builder.BuildAndStart()->Wait();
    return 0;
}
