// A tiny HTTP-server interface in the style of cpp-httplib, written for this fixture: declarations only.
#pragma once

#include <functional>
#include <string>

namespace httplib {

struct Request {
    std::string body;
};

struct Response {
    std::string body;
    void set_content(const std::string & content, const char * content_type);
};

using Handler = std::function<void(const Request &, Response &)>;

class Server {
public:
    Server & Post(const std::string & pattern, Handler handler);
    Server & Get(const std::string & pattern, Handler handler);
    bool listen(const char * host, int port);
};

} // namespace httplib
