#include "service.h"

namespace svc {

std::string trim(const std::string & s) {
    const char * ws = " \t\r\n";
    std::string::size_type begin = s.find_first_not_of(ws);
    if (begin == std::string::npos) {
        return std::string();
    }
    std::string::size_type end = s.find_last_not_of(ws);
    return s.substr(begin, end - begin + 1);
}

// "METHOD PATH BODY..." -> Request. Pure string handling: reaches no sink.
bool parse_request(const std::string & line, Request & out) {
    std::string::size_type sp1 = line.find(' ');
    if (sp1 == std::string::npos) {
        return false;
    }
    std::string::size_type sp2 = line.find(' ', sp1 + 1);
    out.method = line.substr(0, sp1);
    out.path = line.substr(sp1 + 1, sp2 == std::string::npos ? std::string::npos : sp2 - sp1 - 1);
    out.body = sp2 == std::string::npos ? std::string() : line.substr(sp2 + 1);
    return true;
}

// The request body is untrusted text that ends up in the chat template and the tokenizer.
std::string handle_request(const Runtime & rt, const std::string & line) {
    Request req;
    if (!parse_request(line, req)) {
        return "400 bad request";
    }
    if (req.method != "POST" || req.path != "/v1/chat") {
        return "404 not found";
    }
    PromptBuilder builder("You are a helpful assistant.");
    builder.add_user(req.body);
    Generator gen(rt);
    return "200 " + gen.generate(builder.build(), 32);
}

} // namespace svc
