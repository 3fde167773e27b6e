import Foundation

/// Runs a program and measures it: wall time, the largest resident set of the process or any of its reaped
/// descendants (`wait4`), and the peak of the whole process tree's summed resident sets, sampled from /proc
/// (sinkmap parses in worker processes, so the tree is what a machine has to hold).
enum Subprocess {
    struct Result {
        var status: Int32
        var seconds: Double
        /// User + system CPU of the process and its reaped descendants.
        var cpuSeconds: Double
        /// Largest single process, bytes.
        var maxProcessRSS: Int
        /// Peak of the tree's sum, bytes (sampled every 10 ms, so a lower bound).
        var peakTreeRSS: Int
    }

    /// `argv[0]` is a path. Standard output and error go to `/dev/null` unless `log` names a file for both.
    static func run(_ argv: [String], directory: String? = nil, log: String? = nil, sampleTree: Bool = false) throws -> Result {
        var command = argv
        if let directory { command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + argv }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let out = log ?? "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArgs = command.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let started = monotonic()
        let rc = posix_spawn(&pid, command[0], &actions, nil, cArgs, environ)
        guard rc == 0 else { throw BenchError("could not start \(command[0]): \(String(cString: strerror(rc)))") }
        let sampler = sampleTree ? TreeSampler(root: pid) : nil
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = monotonic() - started
        let peak = sampler?.stop() ?? 0
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Result(status: exit, seconds: seconds, cpuSeconds: cpu, maxProcessRSS: Int(usage.ru_maxrss) * 1024, peakTreeRSS: peak)
    }

    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Resident bytes of one process, from /proc/PID/statm.
    static func rss(_ pid: pid_t) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Polls the tree under `root` on a thread of its own and keeps the largest sum seen.
    final class TreeSampler: @unchecked Sendable {
        private let root: pid_t
        private let lock = NSLock()
        private var running = true
        private var peak = 0
        private let done = DispatchSemaphore(value: 0)

        init(root: pid_t) {
            self.root = root
            Thread { [self] in
                while lock.withLock({ running }) {
                    let sum = Self.tree(of: root).reduce(0) { $0 + Subprocess.rss($1) }
                    lock.withLock { peak = max(peak, sum) }
                    usleep(10_000)
                }
                done.signal()
            }.start()
        }

        func stop() -> Int {
            lock.withLock { running = false }
            done.wait()
            return lock.withLock { peak }
        }

        /// `root` and its descendants, from the parent ids in /proc/*/stat.
        static func tree(of root: pid_t) -> [pid_t] {
            var children: [pid_t: [pid_t]] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(name),
                      let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { continue }
                // Fields after "(comm)": state, ppid, …
                let rest = stat[stat.index(after: close)...].split(separator: " ")
                if rest.count > 1, let ppid = pid_t(rest[1]) { children[ppid, default: []].append(pid) }
            }
            var out = [root]
            var i = 0
            while i < out.count {
                out += children[out[i]] ?? []
                i += 1
            }
            return out
        }
    }
}
