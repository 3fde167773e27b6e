#include "oai.h"
#include "http_stub.h"

namespace oai {

// The URL is built here, from whatever root the caller passes: the caller that passes the stored root sends it.
int Network::Request(const std::string & root, const std::string & path, const std::string & body) const {
    std::string url = root + path;
    return http_post(url.c_str(), body.c_str());
}

int Chat::create(const std::string & prompt) const {
    return Request(root_, "/chat/completions", prompt);
}

int Embeddings::embed(const std::string & text) const {
    return http_post(url().c_str(), text.c_str());
}

}  // namespace oai
