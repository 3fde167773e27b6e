import Foundation
import XCTest

/// The docs cannot drift from the binary: every `sinkmap …` command shown in README.md and Docs/*.md (code blocks,
/// inline code, and the examples of each `--help`) names a real subcommand, real flags and valid values; every
/// command that can run on the bundled demo runs there, in the order the page shows it, and exits 0 with output;
/// every `make` target shown exists; every `sinkmap.yml` shown is accepted; every output excerpt marked
/// `<!-- excerpt of … -->` is found in the output it quotes (DocsExcerptTests).
final class DocsCommandTests: XCTestCase {
    static let pages: [String] = {
        let docs = ((try? FileManager.default.contentsOfDirectory(atPath: Repo.root + "/Docs")) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "Docs/" + $0 }
        return ["README.md", "Fixtures/README.md"] + docs
    }()

    func testEveryCommandInTheDocsUsesRealSubcommandsFlagsAndValues() throws {
        let help = try HelpIndex()
        var checked = 0
        for page in Self.pages {
            for command in try DocPage(page).commands {
                checked += 1
                if let problem = help.problem(command.arguments) {
                    XCTFail("\(page):\(command.line): `\(command.text)`: \(problem)")
                }
            }
        }
        XCTAssertGreaterThan(checked, 40, "the docs show more sinkmap commands than were found")
    }

    func testTheExamplesInEveryHelpUseRealFlags() throws {
        let help = try HelpIndex()
        for sub in [""] + HelpIndex.subcommands {
            for line in help.text(sub).split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("sinkmap "), !text.contains("<") else { continue }
                // An example's trailing description is separated by two spaces or more, or by `#`.
                let command = String(text.components(separatedBy: "  ")[0].components(separatedBy: " #")[0])
                let args = DocShellWords.split(command).dropFirst().prefix { $0 != "|" }.map { $0 }
                // Prose that starts with the tool's name ("sinkmap reads a source tree …").
                guard let sub = args.first, sub.hasPrefix("-") || HelpIndex.subcommands.contains(sub) else { continue }
                if let problem = help.problem(args) { XCTFail("`sinkmap \(sub) --help`: `\(command)`: \(problem)") }
            }
        }
    }

    /// Each page's commands run, in order, in a fresh copy of the demo as the current folder (so `.` is the demo and
    /// a file one command writes is there for the next). Commands on trees that are not here (`~/src/llama.cpp`,
    /// `-p build`) are only checked for their flags.
    func testEveryCommandThatCanRunOnTheDemoRunsAndExitsZero() throws {
        var ran = 0
        for page in Self.pages {
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-docs-\(UUID().uuidString)").path
            try FileManager.default.copyItem(atPath: Repo.fixture("demo-ai-service"), toPath: work)
            defer { try? FileManager.default.removeItem(atPath: work) }
            try? FileManager.default.removeItem(atPath: work + "/.sinkmap-cache")
            for command in try DocPage(page).commands where command.inBlock {
                guard command.runnable(in: work) else { continue }
                let r = try BuiltBinary.run(command.arguments, in: work, timeout: 300)
                ran += 1
                XCTAssertEqual(r.code, 0, "\(page):\(command.line): `\(command.text)`\n\(r.all)")
                if let file = command.outputFile {
                    let size = (try? FileManager.default.attributesOfItem(atPath: work + "/" + file)[.size] as? Int) ?? 0
                    XCTAssertGreaterThan(size ?? 0, 0, "\(page):\(command.line): `\(command.text)` wrote no \(file)")
                } else {
                    XCTAssertFalse(r.stdout.isEmpty, "\(page):\(command.line): `\(command.text)` printed nothing")
                }
            }
        }
        XCTAssertGreaterThan(ran, 15, "fewer doc commands ran than expected")
    }

    func testEveryMakeTargetShownExists() throws {
        let makefile = try String(contentsOfFile: Repo.root + "/Makefile", encoding: .utf8)
        let targets = Set(makefile.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("\t"), !line.hasPrefix("#") else { return nil }
            let name = line[..<colon]
            return name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) ? String(name) : nil
        })
        for page in Self.pages {
            for block in try DocPage(page).blocks {
                for (offset, line) in block.lines.enumerated() {
                    let words = line.split(separator: " ").map(String.init)
                    guard words.first == "make", words.count > 1 else { continue }
                    let target = words[1]
                    if target.contains("=") || target.hasPrefix("#") { continue }
                    XCTAssertTrue(targets.contains(target), "\(page):\(block.line + offset): `make \(target)` is not a Makefile target")
                }
            }
        }
    }

    /// A `sinkmap.yml` shown in the docs is one sinkmap accepts (`sinkmap sinks --config FILE` exits 0).
    func testEverySinkmapYmlShownIsAccepted() throws {
        let keys = ["sinks:", "builtin-sinks:", "entries:", "sources:", "builtin-sources:", "exclude:", "vendored:", "project:"]
        var checked = 0
        for page in Self.pages {
            for block in try DocPage(page).blocks where block.language == "yaml" {
                guard let first = block.lines.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }),
                      keys.contains(where: { first.hasPrefix($0) }) else { continue }
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-doc-\(UUID().uuidString).yml").path
                try block.lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(atPath: file) }
                let r = try BuiltBinary.run(["sinks", "--config", file], in: Repo.root)
                XCTAssertEqual(r.code, 0, "\(page):\(block.line): this sinkmap.yml is refused\n\(r.all)")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 4)
    }

    /// Every workflow that uploads SARIF asks for the permissions upload-sarif needs and uses the same action version.
    func testEveryWorkflowShownCanUploadSARIF() throws {
        var versions = Set<String>()
        for page in Self.pages {
            for block in try DocPage(page).blocks where block.language == "yaml" && block.text.contains("upload-sarif") {
                let text = block.text
                XCTAssertTrue(text.contains("security-events: write"), "\(page):\(block.line): upload-sarif needs security-events: write")
                XCTAssertTrue(text.contains("actions: read"), "\(page):\(block.line): upload-sarif needs actions: read in a private repository")
                for line in block.lines where line.contains("upload-sarif@") {
                    versions.insert(String(line[line.range(of: "upload-sarif@")!.upperBound...]).trimmingCharacters(in: .whitespaces))
                }
                XCTAssertFalse(text.contains("clone --depth 1 --branch"),
                               "\(page):\(block.line): `git clone --branch` cannot take a commit; fetch the ref instead")
            }
        }
        XCTAssertEqual(versions.count, 1, "the docs show different upload-sarif versions: \(versions.sorted())")
    }

    /// The exit codes in README's table are the ones `sinkmap --help` lists.
    func testTheExitCodeTableMatchesTheHelp() throws {
        let readme = try String(contentsOfFile: Repo.root + "/README.md", encoding: .utf8)
        let section = readme.components(separatedBy: "## Exit codes")[1].components(separatedBy: "\n## ")[0]
        var table = Set<String>()
        for line in section.split(separator: "\n") where line.hasPrefix("| ") {
            let cell = line.split(separator: "|")[0].trimmingCharacters(in: .whitespaces)
            for code in cell.split(separator: ",") { table.insert(code.trimmingCharacters(in: .whitespaces)) }
        }
        table.remove("code")
        let help = try HelpIndex().text("")
        let listed = help.components(separatedBy: "Exit codes:")[1]
        for code in table { XCTAssertTrue(listed.contains(code), "exit code \(code) of README's table is not in `sinkmap --help`") }
        XCTAssertEqual(table, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "70", "130", "143"])
    }
}

/// A Markdown page's fenced code blocks and the `sinkmap …` commands in them and in its inline code.
struct DocPage {
    struct Block {
        var language: String
        var line: Int
        var lines: [String]
        /// The HTML comment on the line before the fence, if any (`<!-- excerpt of … -->`).
        var comment: String?
        var text: String { lines.joined(separator: "\n") }
    }

    struct Command {
        var text: String
        var arguments: [String]
        var line: Int
        var inBlock: Bool

        /// The file `--output`/`-o` names, relative to the current folder.
        var outputFile: String? {
            for (i, a) in arguments.enumerated() where (a == "--output" || a == "-o") && i + 1 < arguments.count {
                return arguments[i + 1]
            }
            return arguments.first { $0.hasPrefix("--output=") }.map { String($0.dropFirst(9)) }
        }

        /// Runs here when every path it reads exists and it needs nothing from outside the demo.
        func runnable(in folder: String) -> Bool {
            if arguments.contains(where: { $0.contains("~") || $0 == "-p" || $0 == "--compile-commands" || $0.contains("…") }) {
                return false
            }
            guard let sub = arguments.first, HelpIndex.subcommands.contains(sub) else { return false }
            for (i, a) in arguments.enumerated().dropFirst() {
                let previous = arguments[i - 1]
                let isValue = previous.hasPrefix("-") && !["--all-paths", "--show-roots", "--strict", "--fail-on-stale",
                                                           "--no-cache", "-q", "--quiet", "--include-vendored", "--allow-partial"].contains(previous)
                // Values that name files to read must exist; other values (a format, a rule, an entry) need not.
                let readsFile = ["--config", "--baseline", "--report"].contains(previous) || (previous == "--from" && sub == "export")
                if a.hasPrefix("-") || (isValue && !readsFile) {
                    continue
                }
                if !FileManager.default.fileExists(atPath: a.hasPrefix("/") ? a : folder + "/" + a) { return false }
            }
            return true
        }
    }

    let blocks: [Block]
    let commands: [Command]

    init(_ page: String) throws {
        let text = try String(contentsOfFile: Repo.root + "/" + page, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var blocks: [Block] = [], commands: [Command] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                let indent = line.prefix { $0 == " " }.count
                let language = String(trimmed.dropFirst(3))
                var body: [String] = []
                var j = i + 1
                while j < lines.count && !lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    body.append(String(lines[j].dropFirst(min(indent, lines[j].prefix { $0 == " " }.count))))
                    j += 1
                }
                var comment: String?
                if i > 0, lines[i - 1].hasPrefix("<!--") { comment = lines[i - 1] }
                blocks.append(Block(language: language, line: i + 2, lines: body, comment: comment))
                if ["", "sh", "bash", "shell", "console"].contains(language) {
                    var k = 0
                    while k < body.count {
                        var command = body[k]
                        let start = k
                        while command.hasSuffix("\\") && k + 1 < body.count { command = String(command.dropLast()) + " " + body[k + 1]; k += 1 }
                        k += 1
                        let stripped = command.trimmingCharacters(in: .whitespaces)
                        guard stripped.hasPrefix("sinkmap ") || stripped == "sinkmap" else { continue }
                        let words = DocShellWords.split(Self.withoutComment(stripped))
                        commands.append(Command(text: stripped, arguments: Array(words.dropFirst()).prefix { $0 != "|" }.map { $0 },
                                                line: i + 2 + start, inBlock: true))
                    }
                }
                i = j + 1
                continue
            }
            // Inline code: `sinkmap SUBCOMMAND …`, without placeholders.
            var rest = Substring(line)
            while let open = rest.range(of: "`sinkmap ") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: "`") else { break }
                let code = "sinkmap " + after[..<close]
                rest = after[after.index(after: close)...]
                let words = DocShellWords.split(String(code))
                guard words.count > 1, HelpIndex.subcommands.contains(words[1]), !code.contains("<"), !code.contains("…"),
                      !code.contains("FILE"), !code.contains("PATH") else { continue }
                commands.append(Command(text: String(code), arguments: Array(words.dropFirst()), line: i + 1, inBlock: false))
            }
            i += 1
        }
        self.blocks = blocks
        self.commands = commands
    }

    /// `sinkmap scan .   # a comment` → `sinkmap scan .` (a `#` that starts a word, outside quotes).
    static func withoutComment(_ command: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, c) in command.enumerated() {
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "#" && previous == " " {
                return String(command.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = c
        }
        return command
    }
}

/// Words of a command line as a POSIX shell splits them (quotes and backslashes; no expansion).
enum DocShellWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character?
        var escaped = false
        for c in line {
            if escaped { word.append(c); escaped = false; inWord = true; continue }
            if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { word.append(c) }
                continue
            }
            switch c {
            case "\\": escaped = true
            case "\"", "'": quote = c; inWord = true
            case " ", "\t":
                if inWord { words.append(word); word = ""; inWord = false }
            default: word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}

/// Each subcommand's options, read from its `--help`: names, whether they take a value, and the values allowed.
struct HelpIndex {
    static let subcommands = ["scan", "sinks", "baseline", "check", "export", "graph", "paths", "suggest", "merge"]

    struct Option {
        var takesValue: Bool
        var values: [String]?
    }

    private var help: [String: String] = [:]
    private var options: [String: [String: Option]] = [:]

    init() throws {
        for sub in [""] + Self.subcommands {
            let r = try BuiltBinary.run(sub.isEmpty ? ["--help"] : [sub, "--help"], in: Repo.root)
            help[sub] = r.stdout
            options[sub] = Self.parse(r.stdout)
        }
    }

    func text(_ sub: String) -> String { help[sub] ?? "" }

    /// Reads the OPTIONS section: `  -o, --output <file>  …(values: a, b; default: …)`.
    static func parse(_ help: String) -> [String: Option] {
        var result: [String: Option] = [:]
        guard let section = help.components(separatedBy: "\nOPTIONS:\n").last else { return result }
        // One entry per option: its first line, then its wrapped help lines joined.
        var entries: [String] = []
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            let s = String(line)
            if s.hasPrefix("  -") { entries.append(s) } else if !entries.isEmpty { entries[entries.count - 1] += " " + s }
        }
        for entry in entries {
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            let head = trimmed.components(separatedBy: "  ")[0]
            // `--lift/--no-lift`: an inverted flag lists both spellings.
            let names = head.split(separator: " ").flatMap { $0.split(separator: "/") }
                .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
                .filter { $0.hasPrefix("-") }
            var option = Option(takesValue: head.contains("<"), values: nil)
            let flat = trimmed.split(whereSeparator: { $0 == " " }).joined(separator: " ")
            if let range = flat.range(of: "(values: ") {
                let list = flat[range.upperBound...].components(separatedBy: ";")[0].components(separatedBy: ")")[0]
                option.values = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            for name in names { result[name] = option }
        }
        return result
    }

    /// What is wrong with `sinkmap ARGS`, or nil.
    func problem(_ args: [String]) -> String? {
        guard let sub = args.first else { return nil }
        if sub.hasPrefix("-") { return sub == "--version" || sub == "--help" || sub == "-h" ? nil : "unknown option \(sub)" }
        guard let known = options[sub] else { return "unknown subcommand \(sub)" }
        var i = 1
        while i < args.count {
            let a = args[i]
            i += 1
            guard a.hasPrefix("-"), a != "-" else { continue }
            var name = a, inlineValue: String?
            if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                name = String(a[..<eq])
                inlineValue = String(a[a.index(after: eq)...])
            }
            // -j8: a short option with its value joined.
            if !a.hasPrefix("--"), a.count > 2, known[String(a.prefix(2))]?.takesValue == true {
                name = String(a.prefix(2))
                inlineValue = String(a.dropFirst(2))
            }
            guard let option = known[name] else { return "`sinkmap \(sub)` has no option \(name)" }
            if option.takesValue {
                let value: String
                if let inlineValue { value = inlineValue } else {
                    guard i < args.count else { return "\(name) needs a value" }
                    value = args[i]
                    i += 1
                }
                if let values = option.values, !values.contains(value) {
                    return "\(name) \(value): not one of \(values.joined(separator: ", "))"
                }
            } else if inlineValue != nil {
                return "\(name) takes no value"
            }
        }
        return nil
    }
}
