import CSystem
import Foundation
import SinkmapCore

/// The messages between sinkmap and its libclang worker processes: length-prefixed JSON on a pipe.
/// A job goes down, a result comes back; the worker exits at end of input.
enum WorkerProtocol {
    struct Job: Codable {
        var job: CompileJob
        var preamble: Preamble?
    }

    struct Result: Codable {
        var facts: TranslationUnitFacts
        var inputs: [String]
        /// Whether the unit was parsed with its shared preamble loaded.
        var usedPreamble: Bool
    }

    /// Frames larger than this are refused (a worker cannot make the parent allocate without bound).
    static let maximumFrame = 1 << 30

    static func write<T: Encodable>(_ value: T, to fd: Int32) -> Bool {
        guard let body = try? JSONEncoder().encode(value) else { return false }
        var length = UInt32(body.count).littleEndian
        var frame = Data(bytes: &length, count: 4)
        frame.append(body)
        return frame.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }

    /// Reads one frame. `deadline` nil waits forever; returns `.timedOut` when it passes first.
    /// `watch`, when given, is asked every `watchInterval` seconds while waiting; false stops the read (`.stopped`).
    enum ReadOutcome { case frame(Data), closed, timedOut, stopped }

    static let watchInterval = 0.05

    static func read(from fd: Int32, deadline: Date?, watch: (() -> Bool)? = nil) -> ReadOutcome {
        var header = [UInt8](repeating: 0, count: 4)
        switch readExactly(fd, &header, 4, deadline: deadline, watch: watch) {
        case .closed: return .closed
        case .timedOut: return .timedOut
        case .stopped: return .stopped
        case .frame: break
        }
        let length = Int(UInt32(header[0]) | UInt32(header[1]) << 8 | UInt32(header[2]) << 16 | UInt32(header[3]) << 24)
        guard length <= maximumFrame else { return .closed }
        var body = [UInt8](repeating: 0, count: length)
        switch readExactly(fd, &body, length, deadline: deadline, watch: watch) {
        case .closed: return .closed
        case .timedOut: return .timedOut
        case .stopped: return .stopped
        case .frame: return .frame(Data(body))
        }
    }

    private static func readExactly(_ fd: Int32, _ buffer: inout [UInt8], _ count: Int, deadline: Date?,
                                    watch: (() -> Bool)?) -> ReadOutcome {
        var offset = 0
        while offset < count {
            if deadline != nil || watch != nil {
                let remaining = deadline?.timeIntervalSinceNow ?? .infinity
                if remaining <= 0 { return .timedOut }
                let wait = watch == nil ? min(remaining, 1000) : min(remaining, watchInterval)
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&p, 1, Int32(wait * 1000) + 1)
                if ready < 0 && errno == EINTR { continue }
                if let watch, !watch() { return .stopped }
                if ready == 0 { continue }
            }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return .closed }
            offset += n
        }
        return .frame(Data())
    }
}

/// The worker side: `sinkmap __worker ROOT` runs this. It parses each job it is sent and answers with facts.
public enum IsolatedWorker {
    public static func serve(root: String, limits: WorkerLimits) -> Never {
        // Die with the parent: a killed or crashed sinkmap leaves no libclang behind.
        _ = sinkmap_die_with_parent()
        // Ctrl-C is for sinkmap to handle (it reports and exits; the kernel then ends its workers): a worker
        // killed by the same SIGINT would look like a crash.
        signal(SIGINT, SIG_IGN)
        // A file built to exhaust memory (a macro-expansion bomb) ends its worker, not the machine.
        limits.applyToThisProcess()
        let indexer = TranslationUnitIndexer(root: root)
        indexer.maximumFactsBytes = limits.factsMiB << 20
        let hangOn = ProcessInfo.processInfo.environment["SINKMAP_TEST_HANG_ON"]
        let crashOn = ProcessInfo.processInfo.environment["SINKMAP_TEST_CRASH_ON"]
        while case .frame(let data) = WorkerProtocol.read(from: STDIN_FILENO, deadline: nil) {
            guard let message = try? JSONDecoder().decode(WorkerProtocol.Job.self, from: data) else { exit(3) }
            let job = message.job
            // Failure injection for the isolation tests (never set by a scanned tree: it is our environment).
            let name = (job.file as NSString).lastPathComponent
            if let hangOn, name == hangOn { while true { sleep(60) } }
            if let crashOn, name == crashOn { signal(SIGSEGV, SIG_DFL); raise(SIGSEGV) }
            var inputs: [String] = []
            limits.armCPULimitForNextUnit()
            var used = false
            let facts = indexer.index(job, preamble: message.preamble, inputs: &inputs, usedPreamble: &used)
            guard WorkerProtocol.write(WorkerProtocol.Result(facts: facts, inputs: inputs, usedPreamble: used),
                                       to: STDOUT_FILENO) else { exit(4) }
        }
        exit(0)
    }
}
