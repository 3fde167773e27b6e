// The application's own job interface: a class named Service that has nothing to do with gRPC.
#pragma once

namespace jobs {

class Service {
public:
    virtual ~Service();
    virtual void run();
};

} // namespace jobs
