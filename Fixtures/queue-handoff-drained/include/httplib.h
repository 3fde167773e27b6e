// A stand-in for the part of cpp-httplib's server API this fixture uses, written for it: declarations only.
#pragma once

#include <functional>
#include <string>

namespace httplib {

struct MultipartFormData {
    std::string content;
};

struct Request {
    std::string body;
    std::string get_param_value(const std::string & key) const;
    MultipartFormData get_file_value(const std::string & key) const;
};

struct Response {
    void set_content(const std::string & content, const char * content_type);
};

using Handler = std::function<void(const Request &, Response &)>;

class Server {
public:
    Server & Get(const std::string & pattern, Handler handler);
    Server & Post(const std::string & pattern, Handler handler);
    Server & Put(const std::string & pattern, Handler handler);
    Server & Delete(const std::string & pattern, Handler handler);
    Server & Options(const std::string & pattern, Handler handler);
    bool listen(const std::string & host, int port);
};

} // namespace httplib
