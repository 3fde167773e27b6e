// A Drogon controller as nitro writes them: the method list declares the routes, the handlers follow.
#pragma once

#include <drogon/HttpController.h>

using namespace drogon;

namespace inferences {

class Chat : public drogon::HttpController<Chat> {
public:
    METHOD_LIST_BEGIN
    // METHOD_ADD: the route is the class's path (/inferences/Chat) and the pattern.
    METHOD_ADD(Chat::complete, "chat_completion", Post);
    METHOD_ADD(Chat::status, "/status", Get, Head);
    // ADD_METHOD_TO: the pattern is the whole route.
    ADD_METHOD_TO(Chat::complete, "/v1/chat/completions", Post);
    ADD_METHOD_TO(Chat::embed, "v1/embeddings", Post, Options);
    // ADD_METHOD_VIA_REGEX: the regular expression is the route.
    ADD_METHOD_VIA_REGEX(Chat::embed, "/v1/embed/(.*)", Post);
    // ADD_METHOD_TO(Chat::warmup, "/v1/warmup", Post);   (commented out: not a route)
    METHOD_LIST_END

    void complete(const HttpRequestPtr & req, std::function<void(const HttpResponsePtr &)> && callback);
    void embed(const HttpRequestPtr & req, std::function<void(const HttpResponsePtr &)> && callback);
    void status(const HttpRequestPtr & req, std::function<void(const HttpResponsePtr &)> && callback) const;

private:
    void warmup();
};

} // namespace inferences
