import ArgumentParser
import Exporters
import Foundation
import PathEngine
import SinkmapKit
import SinkmapReport

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan a source tree and report every call path to an LLM/ML sink.",
        discussion: """
        Uses compile_commands.json when it is at PATH or PATH/build (or given with -p / --compile-commands); \
        otherwise every .c .cc .cpp .cxx .c++ .m .mm file under PATH is a translation unit, with -I for PATH, \
        every include/ folder and the file's own folder. A sinkmap.yml at PATH adds project sink rules.

        Examples:
          sinkmap scan Fixtures/demo-ai-service
          sinkmap scan ~/src/llama.cpp -p ~/src/llama.cpp/build --format json --output llama.json
          sinkmap scan . --extra-arg=-DUSE_CUDA=0 --extra-arg=-I/opt/onnxruntime/include
        """)

    @Argument(help: "The source tree to scan.")
    var path: String = "."

    @Option(name: .customShort("p"), help: ArgumentHelp("Folder holding compile_commands.json.", valueName: "dir"))
    var buildPath: String?

    @Option(name: .customLong("compile-commands"), help: ArgumentHelp("A compilation database file.", valueName: "file"))
    var compileCommands: String?

    @Option(name: .customLong("extra-arg"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("An extra compiler argument for every file (repeatable).", valueName: "arg"))
    var extraArgs: [String] = []

    @Option(help: ArgumentHelp("Configuration file (default: PATH/sinkmap.yml when present).", valueName: "file"))
    var config: String?

    @OptionGroup var output: OutputOptions

    @Option(help: "Paths listed per sink function; the count goes on past it.")
    var maxPaths: Int = 1000

    @Option(help: "Most calls on one path; longer paths are not followed (and the set is marked truncated).")
    var maxDepth: Int = 64

    @Option(name: [.customShort("j"), .long], help: "Parallel libclang workers (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Exit with code 5 when any translation unit had parse errors.")
    var strict = false

    @Flag(name: [.customShort("q"), .long], help: "No progress bar.")
    var quiet = false

    func validate() throws {
        if buildPath != nil && compileCommands != nil {
            throw ValidationError("-p and --compile-commands both name a compilation database; give one")
        }
        if maxPaths < 1 { throw ValidationError("--max-paths must be at least 1") }
        if maxDepth < 1 { throw ValidationError("--max-depth must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options = ScanOptions(root: path, jobs: jobs ?? 0)
        options.compileCommandsDirectory = buildPath
        options.compileCommandsFile = compileCommands
        options.extraArguments = extraArgs
        options.configPath = config
        options.limits = PathLimits(maxPaths: maxPaths, maxDepth: maxDepth)
        let bar = (!quiet && Terminal.isInteractive(fileno(stderr))) ? ProgressBar() : nil
        if let bar { options.progress = { @Sendable done, total, file in bar.update(done: done, total: total, file: file) } }

        let report: Report
        do {
            report = try Scan(options: options).run()
        } catch let e as ScanError {
            bar?.finish()
            switch e {
            case .configuration: throw Failure(message: e.description, code: ExitCodes.configuration)
            default: throw Failure(message: e.description, code: ExitCodes.input)
            }
        }
        bar?.finish()
        try output.write(report)
        if strict && report.stats.translationUnitsWithErrors + report.stats.failedTranslationUnits > 0 {
            throw Failure(message: "\(report.stats.translationUnitsWithErrors + report.stats.failedTranslationUnits) translation units had errors (--strict)",
                          code: ExitCodes.diagnostics)
        }
    }
}

/// `--format` and `--output`, shared by every command that prints a report.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
                               valueName: "format"))
    var format: OutputFormat = .text

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of stdout.", valueName: "file"))
    var output: String?

    func write(_ report: Report) throws {
        let color = output == nil && Terminal.isInteractive(fileno(stdout)) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let text = try format.render(report, options: .init(color: color))
        if let output {
            do {
                try AtomicFile.write(Data(text.utf8), to: output)
            } catch {
                throw Failure(message: "\(output): cannot write the report: \(error.localizedDescription)", code: ExitCodes.output)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
