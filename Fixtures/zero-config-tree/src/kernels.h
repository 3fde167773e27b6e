#pragma once
#ifdef __cplusplus
extern "C" {
#endif
int kernel_dot(const float * x, int n);
#ifdef __cplusplus
}
#endif
