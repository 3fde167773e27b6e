#include "sinkmap_re2.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

struct sinkmap_re2_set {
    RE2::Options options;
    RE2::Set set;
    // Each pattern alone too: when the combined automaton runs out of memory on some text, the patterns are tried
    // one by one — still linear in the text each — rather than reporting no match.
    std::vector<std::unique_ptr<RE2>> each;
    bool compiled = false;

    explicit sinkmap_re2_set(const RE2::Options &o) : options(o), set(o, RE2::UNANCHORED) {}
};

static RE2::Options options_with(long long max_mem) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(max_mem);
    return o;
}

extern "C" sinkmap_re2_set *sinkmap_re2_set_new(long long max_mem) {
    return new sinkmap_re2_set(options_with(max_mem));
}

extern "C" void sinkmap_re2_set_free(sinkmap_re2_set *set) { delete set; }

static void copy_error(const std::string &message, char *error, size_t error_size) {
    if (error == nullptr || error_size == 0) return;
    size_t n = std::min(message.size(), error_size - 1);
    std::memcpy(error, message.data(), n);
    error[n] = 0;
}

extern "C" int sinkmap_re2_set_add(sinkmap_re2_set *set, const char *pattern, size_t length, char *error, size_t error_size) {
    re2::StringPiece text(pattern, length);
    // Alone, with its own budget: an invalid or too large pattern is named by itself.
    auto alone = std::unique_ptr<RE2>(new RE2(text, options_with(8 << 20)));
    if (!alone->ok()) {
        copy_error(alone->error(), error, error_size);
        return -1;
    }
    std::string reason;
    if (set->set.Add(text, &reason) < 0) {
        copy_error(reason, error, error_size);
        return -1;
    }
    set->each.push_back(std::move(alone));
    return 0;
}

extern "C" int sinkmap_re2_set_compile(sinkmap_re2_set *set) {
    if (set->each.empty()) { set->compiled = true; return 0; }
    set->compiled = set->set.Compile();
    return set->compiled ? 0 : -1;
}

extern "C" int sinkmap_re2_set_first_match(const sinkmap_re2_set *set, const char *text, size_t length) {
    if (set->each.empty()) return -1;
    re2::StringPiece piece(text, length);
    if (set->compiled) {
        std::vector<int> hits;
        RE2::Set::ErrorInfo info;
        if (set->set.Match(piece, &hits, &info)) return *std::min_element(hits.begin(), hits.end());
        if (info.kind == RE2::Set::kNoError) return -1;
    }
    for (size_t i = 0; i < set->each.size(); i++) {
        if (RE2::PartialMatch(piece, *set->each[i])) return static_cast<int>(i);
    }
    return -1;
}
