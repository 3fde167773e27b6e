import CSystem
import Foundation
import SinkmapCore

/// One libclang worker process (`sinkmap __worker ROOT`), so a translation unit that crashes or hangs libclang
/// costs that unit only: the process is killed or found dead, and a fresh one takes the next job.
final class WorkerProcess {
    /// How to start a worker, and how long one unit may take.
    struct Launch: Sendable {
        var executable: String
        var arguments: [String]
        var timeout: Double
        var limits: WorkerLimits
    }

    enum Outcome {
        case result(TranslationUnitFacts, inputs: [String], usedPreamble: Bool)
        case timedOut
        case exceededMemory
        case exceededCPUTime
        case crashed(String)
    }

    private let pid: pid_t
    private let limits: WorkerLimits
    private let toWorker: Int32
    private let fromWorker: Int32
    private var alive = true

    init?(_ launch: Launch) {
        var down: [Int32] = [0, 0], up: [Int32] = [0, 0]
        guard sinkmap_pipe_cloexec(&down) == 0 else { return nil }
        guard sinkmap_pipe_cloexec(&up) == 0 else { close(down[0]); close(down[1]); return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, down[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, up[1], STDOUT_FILENO)
        // Workers print nothing useful; where /dev/null cannot be opened (some sandboxes), stderr is just closed.
        if access("/dev/null", W_OK) == 0 {
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_addclose(&actions, STDERR_FILENO)
        }
        let argv = [launch.executable] + launch.arguments
        var child: pid_t = 0
        var cargv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cargv.forEach { free($0) } }
        let status = posix_spawn(&child, launch.executable, &actions, nil, &cargv, Glibc.environ)
        close(down[0]); close(up[1])
        guard status == 0 else { close(down[1]); close(up[0]); return nil }
        pid = child
        limits = launch.limits
        toWorker = down[1]
        fromWorker = up[0]
    }

    deinit { stop() }

    func run(_ job: CompileJob, preamble: Preamble? = nil, timeout: Double) -> Outcome {
        guard WorkerProtocol.write(WorkerProtocol.Job(job: job, preamble: preamble), to: toWorker) else { return .crashed(reap()) }
        let deadline = timeout > 0 ? Date().addingTimeInterval(timeout) : nil
        let cpuAtStart = ProcessUsage(pid: pid)?.cpuSeconds ?? 0
        var exceeded: Outcome?
        let outcome = WorkerProtocol.read(from: fromWorker, deadline: deadline) {
            exceeded = self.exceededLimit(since: cpuAtStart)
            return exceeded == nil
        }
        if let exceeded {
            stop()
            return exceeded
        }
        switch outcome {
        case .frame(let data):
            guard let result = try? JSONDecoder().decode(WorkerProtocol.Result.self, from: data) else {
                stop()
                return .crashed("sent an unreadable answer")
            }
            return .result(result.facts, inputs: result.inputs, usedPreamble: result.usedPreamble)
        case .timedOut, .stopped:
            stop()
            return .timedOut
        case .closed:
            return .crashed(reap())
        }
    }

    /// The limit this worker has passed on the current unit, if any.
    private func exceededLimit(since cpuAtStart: Double) -> Outcome? {
        guard let usage = ProcessUsage(pid: pid) else { return nil }
        if usage.residentBytes > limits.memoryBytes { return .exceededMemory }
        if limits.cpuSeconds > 0, usage.cpuSeconds - cpuAtStart > limits.cpuSeconds { return .exceededCPUTime }
        return nil
    }

    /// Kills the worker (if still running) and collects it.
    func stop() {
        guard alive else { return }
        kill(pid, SIGKILL)
        _ = reap()
    }

    /// Waits for the worker to end and says how it ended.
    private func reap() -> String {
        guard alive else { return "had already stopped" }
        alive = false
        close(toWorker)
        close(fromWorker)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        if signal != 0 { return "was killed by signal \(signal)\(Self.signalName(signal).map { " (\($0))" } ?? "")" }
        return "exited with status \((status >> 8) & 0xff)"
    }

    private static func signalName(_ s: Int32) -> String? {
        [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGKILL: "SIGKILL", SIGILL: "SIGILL", SIGFPE: "SIGFPE",
         SIGXCPU: "SIGXCPU: past the CPU-time limit"][s]
    }

    /// The running executable, to start workers from.
    static var currentExecutable: String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(cString: Array(buffer[0..<n]) + [0])
    }
}
