import ArgumentParser
import Foundation

/// `make bench`: the figures of the performance issue, measured in one run on this machine, each with its
/// target. Not a test — timings on a shared machine are evidence, not assertions.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sinkmap-bench",
        abstract: "Measure sinkmap against clang on a generated C++ project, and the path engine on a large graph.",
        discussion: """
        By default generates a C++ project of --units translation units in a temporary folder. With --project, \
        measures an existing tree instead (its compile_commands.json at the root or under -p); the files edited \
        for the re-scan figures (--edit, --header) are restored afterwards, byte for byte. Without --header, \
        --project skips the two shared-header figures.
        """)

    @Option(help: "Translation units in the generated project.")
    var units = 40

    @Option(help: ArgumentHelp("Measure this source tree instead of a generated one.", valueName: "dir"))
    var project: String?

    @Option(name: .customShort("p"), help: ArgumentHelp("Folder holding the project's compile_commands.json.", valueName: "dir"))
    var buildDir: String?

    @Option(help: ArgumentHelp("The .cpp file to edit for the re-scan figure (default: the first unit).", valueName: "file"))
    var edit: String?

    @Option(help: ArgumentHelp("The header every unit includes, edited for the header figures (default: the generated project's; with --project, none: those figures are skipped).", valueName: "file"))
    var header: String?

    @Option(help: "libclang workers for the scans (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp("The sinkmap binary (default: beside this one).", valueName: "path"))
    var sinkmap: String?

    @Option(help: ArgumentHelp("The clang for the baseline (default: /usr/bin/clang-N, N the major version of sinkmap's libclang).", valueName: "path"))
    var clang: String?

    @Option(help: "Functions in the engine's generated graph.")
    var functions = 1_000_000

    @Option(help: "Calls in the engine's generated graph.")
    var calls = 5_000_000

    @Flag(help: "Only the engine figure.")
    var engineOnly = false

    @Flag(help: "Skip the engine figure.")
    var noEngine = false

    @Option(help: "Shards for the sharded-scan figures (0: skip them).")
    var shards = 4

    @Flag(help: "Keep the generated project, cache and reports (their folder is printed).")
    var keep = false

    func run() throws {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("sinkmap bench — \(cores) cores (\(Machine.cpuModel)), \(Machine.memory); load average \(Machine.loadAverage) at start")
        fflush(stdout)
        // First, while this process is small, so its peak resident size is the engine's.
        let engine = noEngine ? nil : measureEngine()
        var scan: ScanBenchmark.Result?
        var clangNote = ""
        if !engineOnly {
            let (clangPath, note) = try findClang()
            clangNote = note
            let work = try makeWorkFolder()
            defer { if !keep { try? FileManager.default.removeItem(atPath: work) } }
            let root: String
            var editFile = edit
            var headerFile = header
            if let project {
                root = URL(fileURLWithPath: project).standardizedFileURL.path
            } else {
                root = work + "/project"
                let sources = try SyntheticProject(units: units).write(to: root)
                editFile = editFile ?? sources[sources.count / 2]
                headerFile = headerFile ?? root + "/" + SyntheticProject.sharedHeader
                status("generated \(sources.count) translation units in \(root)")
            }
            if editFile == nil {
                editFile = try CompileCommands(path: (buildDir ?? root) + "/compile_commands.json").entries
                    .first { $0.file.hasSuffix(".cpp") || $0.file.hasSuffix(".cc") }?.file
            }
            guard let editFile else { throw BenchError("no .cpp file to edit; give --edit") }
            // Checked now, not after the cold scan has taken its minutes.
            if let headerFile, !FileManager.default.fileExists(atPath: headerFile) {
                throw BenchError("no header \(headerFile) (--header)")
            }
            var bench = ScanBenchmark(sinkmap: try findSinkmap(), clang: clangPath, root: root, buildDir: buildDir,
                                      jobs: jobs ?? cores, work: work, touched: editFile, sharedHeader: headerFile)
            bench.shards = shards
            scan = try bench.run(progress: status)
            if keep { status("kept \(work)") }
        }
        print("")
        FigureTable(engine: engine, scan: scan, cores: cores, jobs: jobs ?? cores,
                    functions: functions, calls: calls).print()
        print("load average \(Machine.loadAverage) at the end: the ratios assume the machine's cores are otherwise idle")
        if !clangNote.isEmpty { print("note: \(clangNote)") }
    }

    private func measureEngine() -> EngineBenchmark.Result {
        status("path engine on \(functions) functions, \(calls) calls")
        return EngineBenchmark(functions: functions, calls: calls).run()
    }

    private func findClang() throws -> (String, String) {
        if let clang { return (clang, "") }
        let major = try libclangMajor()
        let own = "clang-\(major)"
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/\(own)") { return ("/usr/bin/\(own)", "") }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            for name in [own, "clang"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return ("\(dir)/\(name)", "/usr/bin/\(own) not found (make bench-setup installs it); the baseline used \(dir)/\(name), maybe a different clang than sinkmap's libclang \(major)")
            }
        }
        throw BenchError("no clang for the baseline: run `make bench-setup` (apt-get install -y \(own)) or give --clang")
    }

    /// The major version of the libclang the measured sinkmap runs on, from `sinkmap --version`.
    private func libclangMajor() throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try findSinkmap())
        process.arguments = ["--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let r = text.range(of: #"version [0-9]+"#, options: .regularExpression),
              let major = Int(text[r].dropFirst("version ".count)) else {
            throw BenchError("cannot read the libclang version from `sinkmap --version`: \(text)")
        }
        return major
    }

    private func findSinkmap() throws -> String {
        if let sinkmap { return sinkmap }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("sinkmap").path
        guard FileManager.default.isExecutableFile(atPath: beside) else {
            throw BenchError("no sinkmap binary at \(beside): build it (swift build -c release --product sinkmap) or give --sinkmap")
        }
        return beside
    }

    private func makeWorkFolder() throws -> String {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/sinkmap-bench-XXXXXX"
        var template = Array(base.utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError("could not create a folder under \(base)") }
        return String(cString: made)
    }

    private func status(_ message: String) {
        FileHandle.standardError.write(Data("… \(message)\n".utf8))
    }
}

enum Machine {
    static var cpuModel: String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line.map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    }

    /// The 1-, 5- and 15-minute load averages: other work on the machine skews every wall-clock ratio.
    static var loadAverage: String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    static var memory: String {
        "\(ProcessInfo.processInfo.physicalMemory >> 30) GB RAM"
    }
}
