// A stand-in for the C++ code protoc's gRPC plugin generates for a `Greeter` service, and for the few gRPC
// runtime classes it uses, written for this fixture: declarations only.
#pragma once

#include <memory>
#include <string>

namespace grpc {

class Status {
public:
    Status();
};

class ServerContext;

class Service {
public:
    virtual ~Service();
};

class Server {
public:
    void Wait();
};

class ServerBuilder {
public:
    ServerBuilder & AddListeningPort(const std::string & address, int credentials);
    ServerBuilder & RegisterService(Service * service);
    std::unique_ptr<Server> BuildAndStart();
};

} // namespace grpc

namespace helloworld {

class HelloRequest {
public:
    const std::string & name() const;
};

class HelloReply {
public:
    void set_message(const std::string & message);
};

class Greeter final {
public:
    class Service : public ::grpc::Service {
    public:
        Service();
        virtual ~Service();
        virtual ::grpc::Status SayHello(::grpc::ServerContext * context, const ::helloworld::HelloRequest * request,
                                        ::helloworld::HelloReply * response);
        virtual ::grpc::Status SayGoodbye(::grpc::ServerContext * context, const ::helloworld::HelloRequest * request,
                                          ::helloworld::HelloReply * response);
    };
};

} // namespace helloworld
