// A gRPC server scanned as checked out, before any build: backend.grpc.pb.h (protoc's output) and gRPC's headers are
// not in the tree, so the base class backend::Backend::Service is a name libclang cannot resolve. protos/backend.proto
// declares the service.
#include <string>

#include "backend.pb.h"
#include "backend.grpc.pb.h"
#include <grpcpp/grpcpp.h>

#include "llama.h"

using grpc::ServerContext;

static llama_context * g_ctx;
static const llama_vocab * g_vocab;

static int decode_prompt(const std::string & prompt) {
    llama_token tokens[1] = { (llama_token) prompt.size() };
    return llama_decode(g_ctx, llama_batch_get_one(tokens, 1));
}

static int count_tokens(const std::string & text) {
    llama_token tokens[64];
    return llama_tokenize(g_vocab, text.c_str(), (int32_t) text.size(), tokens, 64, true, false);
}

class BackendServiceImpl final : public backend::Backend::Service {
public:
    grpc::Status Health(ServerContext * context, const backend::HealthMessage * request, backend::Reply * reply) override {
        return grpc::Status::OK;
    }

    grpc::Status Predict(ServerContext * context, const backend::PredictOptions * request, backend::Reply * reply) override {
        decode_prompt(request->prompt());
        return grpc::Status::OK;
    }

    grpc::Status TokenizeString(ServerContext * context, const backend::PredictOptions * request,
                                backend::TokenizationResponse * response) override {
        response->set_length(count_tokens(request->prompt()));
        return grpc::Status::OK;
    }

    // Named like an rpc that backend.proto only mentions in a comment: not a gRPC method.
    grpc::Status Warmup(ServerContext * context, const backend::PredictOptions * request, backend::Reply * reply) {
        decode_prompt("warm up");
        return grpc::Status::OK;
    }
};

// Looks generated (pkg::Service::Service), but no .proto of the tree declares a service jobs::Queue: not gRPC.
class QueueWorker : public jobs::Queue::Service {
public:
    void Predict(const std::string & job) { decode_prompt(job); }
};

int main(int argc, char ** argv) {
    BackendServiceImpl service;
    grpc::ServerBuilder builder;
    builder.RegisterService(&service);
    builder.BuildAndStart()->Wait();
    return 0;
}
