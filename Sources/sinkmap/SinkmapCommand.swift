import ArgumentParser
import Exporters
import Foundation
import SinkmapKit

@main
struct SinkmapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sinkmap",
        abstract: "Find every call path from entry points to LLM/ML calls in a C/C++ code base.",
        discussion: """
        sinkmap reads a source tree through libclang, builds the whole-program call graph and lists every call \
        path from an entry point (main, initializers, functions nothing calls) to a sink: model loading, \
        inference, tokenization, prompt templating, hosted-LLM calls, plugin loading. It only reads files: it \
        never runs the scanned project's build, compilers or code.

        Examples:
          sinkmap scan                        the current folder, text on the terminal
          sinkmap scan ~/src/llama.cpp -p ~/src/llama.cpp/build
          sinkmap scan . --format html -o paths.html
          sinkmap baseline . -o sinkmap-baseline.json
          sinkmap check . --baseline sinkmap-baseline.json
          sinkmap sinks                       the active sink rules

        Exit codes: 0 done, 1 check found paths or slice calls not in the baseline, 2 usage error, 3 bad \
        configuration or baseline, 4 bad input, 5 scan --strict with parse errors, 6 output not written, \
        7 check incomplete (a unit not analysed, a new source in a skipped folder), 8 every translation unit \
        (or more than --max-failed-share) failed to parse, 70 internal error, \
        130/143 interrupted (SIGINT/SIGTERM).
        """,
        version: SinkmapVersion.description,
        subcommands: [ScanCommand.self, SinksCommand.self, BaselineCommand.self, CheckCommand.self, ExportCommand.self, WorkerCommand.self,
                      GraphCommand.self, SuggestCommand.self, PathsCommand.self],
        defaultSubcommand: nil
    )

    /// ArgumentParser's own exit codes are remapped so every failure class has one documented code.
    static func main() {
        refuseUnknownSubcommand(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            // Workers are stopped by their parent (and die with it); everyone else stops cleanly on a signal.
            if !(command is WorkerCommand) { Interruption.install() }
            try command.run()
        } catch let failure as Failure {
            // Messages quote the scanned tree (a sinkmap.yml key, a file name): never a raw control character.
            FileHandle.standardError.write(Data("sinkmap: error: \(TerminalText.sanitize(failure.message))\n".utf8))
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)   // --help, --version
            }
            let message = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                .map { TerminalText.sanitize(String($0)) }.joined(separator: "\n")
            FileHandle.standardError.write(Data((message + "\n").utf8))
            if code.rawValue == ExitCode.validationFailure.rawValue || error is ValidationError || code.rawValue == 64 {
                Foundation.exit(ExitCodes.usage)
            }
            Foundation.exit(code.rawValue == 1 ? ExitCodes.usage : code.rawValue)
        }
    }
}

extension SinkmapCommand {
    /// The names a first argument may be: the visible subcommands, and `help`.
    static var subcommandNames: [String] {
        configuration.subcommands.filter { $0.configuration.shouldDisplay }
            .compactMap { $0.configuration.commandName } + ["help"]
    }

    /// `sinkmap scna`: ArgumentParser would say "unexpected argument"; this names the subcommands, and the closest
    /// one when the word is a few edits away (exit 2, a usage error).
    static func refuseUnknownSubcommand(_ arguments: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-"), first != WorkerCommand.configuration.commandName,
              !subcommandNames.contains(first) else { return }
        let close = UnmatchedRules.closest(to: first, in: subcommandNames)
        var message = "sinkmap: error: unknown command '\(TerminalText.sanitize(first))'"
        if !close.isEmpty { message += "; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?" }
        message += "\nCommands: " + subcommandNames.filter { $0 != "help" }.joined(separator: ", ")
            + ". See 'sinkmap --help'.\n"
        FileHandle.standardError.write(Data(message.utf8))
        Foundation.exit(ExitCodes.usage)
    }
}

/// An error that already knows its message and exit code.
struct Failure: Error {
    var message: String
    var code: Int32
}
