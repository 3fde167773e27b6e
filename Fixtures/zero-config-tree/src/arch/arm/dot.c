// The Arm kernel: another target. On x86-64 <arm_neon.h> stops the parse, and the second definition of
// kernel_dot would make every call to it ambiguous; a walk skips the folder (--all-targets scans it).
#include <arm_neon.h>
#include "../../kernels.h"

int kernel_dot(const float * x, int n) {
    float32x4_t acc = vdupq_n_f32(0);
    (void) x; (void) n;
    return (int) vgetq_lane_f32(acc, 0);
}
