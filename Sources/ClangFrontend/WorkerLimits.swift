import Foundation

/// What one translation unit may cost its worker process. A tree can hold a 40-line macro file that grows a parse
/// by ~190 MB/s, or types whose names double per line: the unit is stopped at the limit and reported as failed.
///
/// Each limit is enforced twice. sinkmap watches its workers (resident memory and CPU time, every 50 ms) and
/// stops one that passes a limit, naming the limit in the unit's diagnostic; and each worker runs under
/// `setrlimit` — RLIMIT_DATA at twice the memory limit, RLIMIT_CPU a little past the CPU limit — so a burst
/// between two looks is stopped by the kernel (then reported as a crash).
public struct WorkerLimits: Sendable, Equatable {
    /// Resident memory of one worker, MiB (`--tu-memory`).
    public var memoryMiB: Int
    /// CPU seconds one unit may use (`--tu-cpu-time`); 0 for no limit.
    public var cpuSeconds: Double
    /// MiB the facts of one unit may take (`--tu-facts`, estimated: `TranslationUnitFacts.estimatedSize`).
    public var factsMiB: Int = WorkerLimits.defaultFactsMiB
    public static let defaultFactsMiB = 64

    public init(memoryMiB: Int = WorkerLimits.defaultMemoryMiB(workers: ProcessInfo.processInfo.activeProcessorCount),
                cpuSeconds: Double = WorkerLimits.defaultCPUSeconds) {
        self.memoryMiB = memoryMiB
        self.cpuSeconds = cpuSeconds
    }

    public static let defaultCPUSeconds: Double = 300

    /// A share of the machine's memory: half of it, split between the workers, and at least 512 MiB.
    public static func defaultMemoryMiB(workers: Int) -> Int {
        let mib = Int(ProcessInfo.processInfo.physicalMemory >> 20)
        return max(512, mib / 2 / max(1, workers))
    }

    var memoryBytes: UInt64 { UInt64(memoryMiB) << 20 }

    /// How the worker is told its limits (`sinkmap __worker ROOT --memory-mib N --cpu-seconds S`).
    var workerArguments: [String] {
        ["--memory-mib", String(memoryMiB), "--cpu-seconds", String(cpuSeconds), "--facts-mib", String(factsMiB)]
    }

    /// The kernel's backstop, set by the worker on itself: data segment at twice the limit.
    func applyToThisProcess() {
        let data = memoryBytes * 2
        var limit = rlimit(rlim_cur: rlim_t(data), rlim_max: rlim_t(data))
        _ = setrlimit(Int32(RLIMIT_DATA.rawValue), &limit)
    }

    /// Before each unit: SIGXCPU a few seconds after the CPU limit, counted from now (the hard limit stays
    /// unlimited so the soft one can move forward for the next unit).
    func armCPULimitForNextUnit() {
        guard cpuSeconds > 0 else { return }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let used = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        var limit = rlimit(rlim_cur: rlim_t(used + cpuSeconds + 5), rlim_max: rlim_t.max)
        _ = setrlimit(Int32(RLIMIT_CPU.rawValue), &limit)
    }
}

/// A running worker's resident memory and CPU time, read from /proc.
struct ProcessUsage {
    var residentBytes: UInt64
    var cpuSeconds: Double

    static let pageSize = UInt64(sysconf(Int32(_SC_PAGESIZE)))
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    init?(pid: pid_t) {
        guard let statm = try? String(contentsOfFile: "/proc/\(pid)/statm", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        let pages = statm.split(separator: " ")
        guard pages.count > 1, let resident = UInt64(pages[1]) else { return nil }
        // Fields after the command name (which may hold spaces and parentheses): utime and stime are 14 and 15.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        residentBytes = resident * Self.pageSize
        cpuSeconds = (user + system) / Self.ticksPerSecond
    }
}
