// A client library shaped like liboai: the API root is a default argument of the client's constructor, travels
// through the components' constructors into a field, and a component's request builds the URL from that field.
#pragma once
#include <memory>
#include <string>

namespace oai {

class Network {
  public:
    Network(const std::string & root) : root_(root) {}
  protected:
    int Request(const std::string & root, const std::string & path, const std::string & body) const;
    const std::string root_;
};

class Chat : private Network {
  public:
    Chat(const std::string & root) : Network(root) {}
    int create(const std::string & prompt) const;
};

class Client {
  public:
    Client(const std::string & root = "https://api.openai.com/v1") : chat(std::make_unique<Chat>(root)) {}
    std::unique_ptr<Chat> chat;
};

// The URL is returned by a getter: the function that calls the getter and sends the result is the sender.
class Embeddings {
  public:
    Embeddings() : base_("https://api.openai.com/v1/embeddings") {}
    const std::string & url() const { return base_; }
    int embed(const std::string & text) const;
  private:
    std::string base_;
};

// Precision twin: keeps the same URL in a field, but only compares it; nothing is ever sent.
class Settings {
  public:
    Settings(const std::string & base = "https://api.openai.com/v1") : base_(base) {}
    bool is_default(const std::string & other) const { return base_ == other; }
  private:
    std::string base_;
};

}  // namespace oai
