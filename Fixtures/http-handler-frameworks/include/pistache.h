// A stand-in for the part of Pistache's REST API this fixture uses, written for it: declarations only.
#pragma once

#include <functional>
#include <string>

namespace Pistache {
namespace Rest {

class Request {
public:
    const std::string & body() const;
};

class ResponseWriter {
public:
    void send(int code, const std::string & body);
};

class Router {};

namespace Routes {

using Handler = std::function<void(const Request &, ResponseWriter)>;

void Get(Router & router, const std::string & resource, Handler handler);
void Post(Router & router, const std::string & resource, Handler handler);

template <typename Cls>
Handler bind(void (Cls::*method)(const Request &, ResponseWriter), Cls * object);

} // namespace Routes
} // namespace Rest
} // namespace Pistache
