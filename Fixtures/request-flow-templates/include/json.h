#pragma once
#include <cstddef>
#include <string>
namespace nlohmann {
class json {
public:
    static json parse(const std::string & text);
    const json & at(const char * key) const;
    std::size_t count(const char * key) const;
    template <class T> operator T() const;
};
}
using json = nlohmann::json;
