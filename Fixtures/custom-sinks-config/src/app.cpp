#include "acme/llm.h"
#include "app.h"
#include "other/gemini.h"
#include "vertex/gemini.h"

namespace app {

std::string summarize(const std::string & text) {
    vertex::GeminiClient gemini("demo-project");
    return gemini.generateContent("Summarize:\n" + text);
}

// The pattern ^acme::llm:: matches both the constructor and complete().
std::string ask_acme(const std::string & question) {
    std::string cached;
    if (acme::llm_cache::lookup(question, cached)) {
        return cached;
    }
    acme::llm::Client client("http://llm.internal:8080");
    return client.complete(question);
}

std::string ask_other(const std::string & question) {
    other::GeminiClient decoy;
    return decoy.generateContent(question);
}

} // namespace app
