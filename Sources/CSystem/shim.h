// Linux calls Swift cannot import directly (variadic, or behind _GNU_SOURCE in glibc).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/vfs.h>
#include <unistd.h>

/// Asks the kernel to SIGKILL this process when its parent dies (worker processes never outlive sinkmap).
static inline int sinkmap_die_with_parent(void) { return prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0); }

/// A pipe whose ends are not inherited by other children.
static inline int sinkmap_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

/// Blocks SIGPIPE in the calling thread: a write to a worker that died returns EPIPE there instead of ending
/// sinkmap (the signal is thread-directed, so other threads and stdout keep the default behaviour).
static inline void sinkmap_block_sigpipe_in_thread(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, 0);
}
