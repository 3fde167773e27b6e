// A stand-in for the part of Boost.Beast's HTTP API this fixture uses, written for it: as in Beast, a request is
// `http::request<Body, Fields>`, an alias template of `http::message<true, Body, Fields>`.
#pragma once

#include <string>

namespace boost {
namespace beast {
namespace http {

template <bool isRequest, class Fields>
class header;

template <class Allocator>
class basic_fields {};
using fields = basic_fields<std::allocator<char>>;

struct string_body {
    using value_type = std::string;
};

template <bool isRequest, class Body, class Fields = fields>
class message {
public:
    typename Body::value_type & body();
    const typename Body::value_type & body() const;
    std::string target() const;
};

template <class Body, class Fields = fields>
using request = message<true, Body, Fields>;

template <class Body, class Fields = fields>
using response = message<false, Body, Fields>;

enum class verb { get, post };

} // namespace http
} // namespace beast
} // namespace boost
