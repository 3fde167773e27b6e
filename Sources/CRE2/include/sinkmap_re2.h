// A C face for RE2 (Debian's libre2-dev): regular expressions matched in time linear in the text, never by
// backtracking, and many patterns matched in one pass (RE2::Set). Swift calls these; nothing else does.
#ifndef SINKMAP_RE2_H
#define SINKMAP_RE2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sinkmap_re2_set sinkmap_re2_set;

/// An empty set whose automata may use up to `max_mem` bytes.
sinkmap_re2_set *sinkmap_re2_set_new(long long max_mem);
void sinkmap_re2_set_free(sinkmap_re2_set *set);

/// Adds a pattern; returns 0, or -1 with RE2's reason in `error` (NUL-terminated, truncated to `error_size`)
/// when it is invalid, uses syntax RE2 lacks (backreferences, lookaround) or needs more than its memory.
int sinkmap_re2_set_add(sinkmap_re2_set *set, const char *pattern, size_t length, char *error, size_t error_size);

/// Compiles the added patterns into one automaton; 0, or -1 when they need more memory than allowed together.
int sinkmap_re2_set_compile(sinkmap_re2_set *set);

/// The smallest index of a pattern found in `text` (an unanchored search, as `PartialMatch`), or -1.
int sinkmap_re2_set_first_match(const sinkmap_re2_set *set, const char *text, size_t length);

#ifdef __cplusplus
}
#endif

#endif
