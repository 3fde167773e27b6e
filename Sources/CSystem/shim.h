// Linux calls Swift cannot import directly (variadic, or behind _GNU_SOURCE in glibc).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

/// Asks the kernel to SIGKILL this process when its parent dies (worker processes never outlive sinkmap).
static inline int sinkmap_die_with_parent(void) { return prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0); }

/// A pipe whose ends are not inherited by other children.
static inline int sinkmap_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
