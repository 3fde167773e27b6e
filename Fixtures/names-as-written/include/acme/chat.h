// Stand-in for an in-house chat client, written for this fixture: declarations only.
// ChatClient gets send() from a class template base; the project rule names acme::ChatClient::send.
#pragma once

#include <string>

namespace acme {
namespace detail {

template <class Derived>
class ClientBase {
public:
    std::string send(const std::string & message);
};

} // namespace detail

class ChatClient : public detail::ClientBase<ChatClient> {
public:
    explicit ChatClient(const std::string & endpoint);
};

} // namespace acme
