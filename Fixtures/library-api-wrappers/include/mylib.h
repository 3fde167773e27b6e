// A library with no program of its own: its exported API is its entry points, and the one that reaches the
// model is its own wrapper.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
int mylib_generate(const char * prompt);
const char * mylib_version(void);
#ifdef __cplusplus
}
#endif
