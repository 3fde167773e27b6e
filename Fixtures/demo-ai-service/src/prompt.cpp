#include "service.h"

namespace svc {

PromptBuilder::PromptBuilder(const std::string & system_prompt) {
    roles_.push_back("system");
    contents_.push_back(system_prompt);
}

void PromptBuilder::add_user(const std::string & text) {
    roles_.push_back("user");
    contents_.push_back(text);
}

std::string PromptBuilder::build() const {
    std::vector<llama_chat_message> msgs;
    for (size_t i = 0; i < roles_.size(); ++i) {
        msgs.push_back(llama_chat_message{roles_[i].c_str(), contents_[i].c_str()});
    }
    std::vector<char> buf(1024);
    int32_t n = llama_chat_apply_template(nullptr, msgs.data(), msgs.size(), true, buf.data(), (int32_t) buf.size());
    if (n > (int32_t) buf.size()) {
        buf.resize(n);
        n = llama_chat_apply_template(nullptr, msgs.data(), msgs.size(), true, buf.data(), (int32_t) buf.size());
    }
    return n < 0 ? std::string() : std::string(buf.data(), n);
}

} // namespace svc
