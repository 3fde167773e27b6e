import ArgumentParser
import ClangFrontend

/// `sinkmap __worker ROOT`: the libclang worker process a scan starts (hidden; not for people).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__worker", abstract: "Internal: parse translation units sent on stdin.", shouldDisplay: false)

    @Argument var root: String
    @Option var memoryMib: Int = WorkerLimits().memoryMiB
    @Option var cpuSeconds: Double = WorkerLimits.defaultCPUSeconds
    @Option var factsMib: Int = WorkerLimits.defaultFactsMiB

    func run() throws {
        var limits = WorkerLimits(memoryMiB: memoryMib, cpuSeconds: cpuSeconds)
        limits.factsMiB = factsMib
        IsolatedWorker.serve(root: root, limits: limits)
    }
}
