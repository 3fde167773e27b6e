#pragma once

#include <string>

#include "vertex/gemini.h"

// The interface: Backend::complete is pure virtual, declared and defined nowhere.
class Backend {
public:
    virtual std::string complete(const std::string & prompt) = 0;
};

// Overrides Backend::complete and calls the hosted model.
class GeminiBackend : public Backend {
public:
    explicit GeminiBackend(const std::string & project);
    std::string complete(const std::string & prompt) override;

private:
    vertex::GeminiClient client_;
};

// Overrides GeminiBackend::complete, so it overrides Backend::complete too (transitively).
class CachedGemini : public GeminiBackend {
public:
    explicit CachedGemini(const std::string & project) : GeminiBackend(project) {}
    std::string complete(const std::string & prompt) override;

private:
    std::string last_prompt_;
    std::string last_answer_;
};

// Overrides Backend::complete and reaches no sink.
class EchoBackend : public Backend {
public:
    std::string complete(const std::string & prompt) override;
};

class Summarizer {
public:
    explicit Summarizer(Backend & backend) : backend_(backend) {}
    std::string summarize(const std::string & text);

private:
    Backend & backend_;
};

// A call through a GeminiBackend reference: only GeminiBackend::complete and its overrides.
std::string ping(GeminiBackend & backend);
