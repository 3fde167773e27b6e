// The x86 kernel: scanned on an x86-64 machine.
#include "../../kernels.h"

int kernel_dot(const float * x, int n) {
    float s = 0;
    for (int i = 0; i < n; i++) s += x[i] * x[i];
    return (int) s;
}
