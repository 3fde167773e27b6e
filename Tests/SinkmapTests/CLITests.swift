import Foundation
import XCTest

/// Runs the built `sinkmap` binary as a user would and checks exit codes, stdout and stderr exactly.
final class CLITests: XCTestCase {
    /// The binary of this build (`--scratch-path` included: `make LLVM_VERSION=14 test` builds in .build-llvm14).
    static let binary = BuiltBinary.sinkmap ?? Repo.root + "/.build/debug/sinkmap"

    struct Result {
        var stdout: String
        var stderr: String
        var code: Int32
        var all: String { "exit \(code)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
    }

    /// Runs sinkmap with `arguments` in `directory` (the repository root by default). Output goes through files,
    /// so a large report cannot dead-lock on a full pipe.
    func sinkmap(_ arguments: [String], in directory: String = Repo.root,
                 file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            XCTFail("\(Self.binary) is missing: run `swift build` first (the CLI tests run the built binary)",
                    file: file, line: line)
            throw XCTSkip("no binary")
        }
        let scratch = try TempTree("sinkmap-cli-out")
        let out = scratch.path("stdout"), err = scratch.path("stderr")
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(stdout: try String(contentsOfFile: out, encoding: .utf8),
                      stderr: try String(contentsOfFile: err, encoding: .utf8),
                      code: process.terminationStatus)
    }

    // MARK: - scan

    func testScanJSONParsesWithSchema() throws {
        let r = try sinkmap(["scan", "Fixtures/direct-calls-across-files", "--format", "json"])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertEqual(r.stderr, "", r.all)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["schema"] as? String, "sinkmap/v1", r.all)
        XCTAssertEqual(object?["root"] as? String, "Fixtures/direct-calls-across-files", r.all)
        let paths = try XCTUnwrap(object?["paths"] as? [[String: Any]], r.all)
        XCTAssertEqual(paths.count, 3, r.all)
        let rules = paths.compactMap { ($0["sink"] as? [String: Any])?["rule"] as? String }
        XCTAssertEqual(rules, ["llama.cpp/context-init", "llama.cpp/decode", "llama.cpp/model-load"], r.all)
        XCTAssertEqual((object?["diagnostics"] as? [Any])?.count, 0, r.all)
    }

    func testScanTextShowsCallSites() throws {
        let r = try sinkmap(["scan", "Fixtures/direct-calls-across-files"])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertEqual(r.stderr, "", r.all)
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("   → process_line  src/app.c:20  (direct call at src/main.c:14:5)"), r.all)
        XCTAssertTrue(lines.contains("   → llama_decode  include/llama.h:52  (direct call at src/app.c:29:12)"), r.all)
        XCTAssertTrue(lines.contains("3 of 3 sink functions called in the program are reached by 3 paths"), r.all)
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    func testNonexistentPathIsAnInputError() throws {
        let missing = "/nonexistent/sinkmap-\(UUID().uuidString)"
        let r = try sinkmap(["scan", missing])
        XCTAssertEqual(r.code, 4, r.all)
        XCTAssertEqual(r.stdout, "", r.all)
        XCTAssertEqual(r.stderr, "sinkmap: error: \(missing): no such directory\n", r.all)
    }

    func testFolderWithoutSourcesIsAnInputError() throws {
        let t = try TempTree()
        try t.write("README.txt", "no code here\n")
        let r = try sinkmap(["scan", t.root])
        XCTAssertEqual(r.code, 4, r.all)
        XCTAssertTrue(r.stderr.hasPrefix("sinkmap: error: \(t.root): no C, C++ or Objective-C source files found"), r.all)
    }

    func testMalformedCompileCommandsIsAnInputError() throws {
        let t = try TempTree()
        try t.write("a.c", "int main(void) { return 0; }\n")
        let db = try t.write("build/compile_commands.json", "[{")
        let r = try sinkmap(["scan", t.root, "-p", t.path("build")])
        XCTAssertEqual(r.code, 4, r.all)
        XCTAssertTrue(r.stderr.hasPrefix("sinkmap: error: \(db): not a valid compilation database: "), r.all)
    }

    func testMaxPathsZeroIsAUsageError() throws {
        let r = try sinkmap(["scan", "Fixtures/direct-calls-across-files", "--max-paths", "0"])
        XCTAssertEqual(r.code, 2, r.all)
        XCTAssertEqual(r.stdout, "", r.all)
        XCTAssertTrue(r.stderr.hasPrefix("Error: --max-paths must be at least 1\n"), r.all)
    }

    func testOtherUsageErrors() throws {
        for (args, message) in [
            (["scan", ".", "--max-depth", "0"], "Error: --max-depth must be at least 1"),
            (["scan", ".", "--jobs", "0"], "Error: --jobs must be at least 1"),
            (["scan", ".", "--format", "yaml"], "Error: The value 'yaml' is invalid for '--format <format>'"),
            (["scan", ".", "--no-such-flag"], "Error: Unknown option '--no-such-flag'"),
            (["frobnicate"], "sinkmap: error: unknown command 'frobnicate'"),
        ] {
            let r = try sinkmap(args)
            XCTAssertEqual(r.code, 2, "\(args)\n" + r.all)
            XCTAssertTrue(r.stderr.hasPrefix(message), "\(args)\n" + r.all)
        }
    }

    func testBuildPathAndCompileCommandsTogetherIsAUsageError() throws {
        let r = try sinkmap(["scan", "Fixtures/direct-calls-across-files", "-p", "x", "--compile-commands", "y"])
        XCTAssertEqual(r.code, 2, r.all)
        XCTAssertEqual(r.stdout, "", r.all)
        XCTAssertTrue(r.stderr.hasPrefix("Error: -p and --compile-commands both name a compilation database; give one\n"), r.all)
    }

    func testBadConfigurationExits3WithFileAndLine() throws {
        let t = try TempTree()
        try t.write("main.c", "int llama_decode(void *, int);\nint main(void) { return llama_decode(0, 1); }\n")
        try t.write("sinkmap.yml", """
            sinks:
              - id: acme/x
                category: inference
                patern: "^acme::"
            """)
        let r = try sinkmap(["scan", t.root])
        XCTAssertEqual(r.code, 3, r.all)
        XCTAssertEqual(r.stdout, "", r.all)
        // Named as the root was typed (an absolute path here), so FILE:LINE:COLUMN opens from the working folder.
        XCTAssertEqual(r.stderr, "sinkmap: error: \(t.path("sinkmap.yml")):4:5: unknown key 'patern' in a sink rule (expected id, category, reason, function, functions, pattern, patterns)\n", r.all)

        // The same file through --config names the path it was given, and `sinks` fails the same way.
        let viaConfig = try sinkmap(["sinks", "--config", t.path("sinkmap.yml")])
        XCTAssertEqual(viaConfig.code, 3, viaConfig.all)
        XCTAssertTrue(viaConfig.stderr.hasPrefix("sinkmap: error: \(t.path("sinkmap.yml")):4:5: unknown key 'patern'"), viaConfig.all)
    }

    func testInvalidPatternInConfigurationExits3() throws {
        let t = try TempTree()
        try t.write("main.c", "int main(void) { return 0; }\n")
        try t.write("sinkmap.yml", "sinks:\n  - id: x\n    category: inference\n    pattern: \"([\"\n")
        let r = try sinkmap(["scan", t.root])
        XCTAssertEqual(r.code, 3, r.all)
        XCTAssertEqual(r.stderr, "sinkmap: error: \(t.path("sinkmap.yml")):4:14: '([' is not a valid regular expression\n", r.all)
    }

    func testOutputWritesTheFileAndNothingOnStdout() throws {
        let t = try TempTree()
        let target = t.path("report.json")
        let r = try sinkmap(["scan", "Fixtures/direct-calls-across-files", "--format", "json", "--output", target])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertEqual(r.stdout, "", r.all)
        XCTAssertEqual(r.stderr, "sinkmap: wrote \(target)\n", r.all)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(written.hasSuffix("}\n"), written)
        let object = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
        XCTAssertEqual(object?["schema"] as? String, "sinkmap/v1")
        // No temporary sibling is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: t.root), ["report.json"])
    }

    func testUnwritableOutputExits6() throws {
        let target = "/nonexistent/sinkmap-\(UUID().uuidString)/report.json"
        let r = try sinkmap(["scan", "Fixtures/direct-calls-across-files", "--output", target])
        XCTAssertEqual(r.code, 6, r.all)
        XCTAssertEqual(r.stdout, "", r.all)
        XCTAssertTrue(r.stderr.hasPrefix("sinkmap: error: \(target): cannot write the report: "), r.all)
    }

    func testStrictWithParseErrorsExits5() throws {
        let r = try sinkmap(["scan", "Fixtures/parse-error-recovery", "--strict"])
        XCTAssertEqual(r.code, 5, r.all)
        // The report is still printed.
        XCTAssertTrue(r.stdout.contains("llama_tokenize"), r.all)
        XCTAssertTrue(r.stderr.hasPrefix("sinkmap: error: 1 translation unit"), r.all)
        XCTAssertTrue(r.stderr.hasSuffix("(--strict): 2 translation units: 1 parsed, 1 with errors, 0 failed\n"), r.all)

        let lenient = try sinkmap(["scan", "Fixtures/parse-error-recovery"])
        XCTAssertEqual(lenient.code, 0, lenient.all)
        let clean = try sinkmap(["scan", "Fixtures/direct-calls-across-files", "--strict"])
        XCTAssertEqual(clean.code, 0, clean.all)
    }

    func testJobsOneAndTwoGiveTheSameJSONApartFromTime() throws {
        func normalized(_ s: String) -> String {
            s.replacingOccurrences(of: #""seconds" : [0-9.e+-]+"#, with: #""seconds" : 0"#, options: .regularExpression)
        }
        // No cache: a warm second run would (rightly) report cachedTranslationUnits.
        let one = try sinkmap(["scan", "Fixtures/demo-ai-service", "--format", "json", "--jobs", "1", "--no-cache"])
        let two = try sinkmap(["scan", "Fixtures/demo-ai-service", "--format", "json", "-j", "2", "--no-cache"])
        XCTAssertEqual(one.code, 0, one.all)
        XCTAssertEqual(two.code, 0, two.all)
        XCTAssertTrue(one.stdout.contains(#""seconds" : "#), one.all)
        XCTAssertEqual(normalized(one.stdout), normalized(two.stdout))
    }

    // MARK: - sinks, help, version

    func testSinksListsTheCatalog() throws {
        let empty = try TempTree()   // no sinkmap.yml: the built-in catalog only
        let r = try sinkmap(["sinks"], in: empty.root)
        XCTAssertEqual(r.code, 0, r.all)
        let lines = r.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains("llama.cpp/decode  [inference]"), r.all)
        XCTAssertTrue(lines.contains("    llama_decode, llama_encode, llama_eval, llama_eval_embd, llama_eval_export"), r.all)
        XCTAssertTrue(lines.contains("llama.cpp/model-load  [model-load]"), r.all)
        let count = lines.last { !$0.isEmpty }
        XCTAssertEqual(count, "\(SinkmapKitCatalogCount.value) rules", r.all)
    }

    /// The rule of each name in `sinkmap sinks --format json`: by exact name, else by a pattern that matches it.
    func catalogRules(for names: [String]) throws -> [String: String] {
        let empty = try TempTree()
        let r = try sinkmap(["sinks", "--format", "json"], in: empty.root)
        XCTAssertEqual(r.code, 0, r.all)
        let rules = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        var out: [String: String] = [:]
        for name in names {
            let rule = rules.first { ($0["names"] as? [String] ?? []).contains(name) } ?? rules.first { rule in
                (rule["patterns"] as? [String] ?? []).contains { name.range(of: $0, options: .regularExpression) != nil }
            }
            out[name] = rule?["id"] as? String
        }
        return out
    }

    /// Older and forked llama.cpp names (2023–2024, and gpt4all's and LocalAI's forks).
    func testSinksCoverOlderAndForkedLlamaNames() throws {
        let expected = [
            "llama_init_from_gpt_params": "llama.cpp/common-init", "llama_eval": "llama.cpp/decode",
            "llama_eval_embd": "llama.cpp/decode", "llama_load_model_from_file": "llama.cpp/model-load",
            "llama_init_from_file": "llama.cpp/model-load", "llama_new_context_with_model": "llama.cpp/context-init",
            "llama_token_to_str": "llama.cpp/detokenize", "llama_sample_token": "llama.cpp/sample",
            "llama_sample_top_p_top_k": "llama.cpp/sample", "llama_sampling_sample": "llama.cpp/common-sample",
            "gpt_sampler_sample": "llama.cpp/common-sample", "llama_lora_adapter_init": "llama.cpp/lora-load",
            "llama_model_apply_lora_from_file": "llama.cpp/lora-load", "grammar_parser::parse": "llama.cpp/grammar",
            "llama_load_model_from_url": "llama.cpp/common-download", "llama_control_vector_load": "llama.cpp/control-vector",
            "llama_chat_format_single": "llama.cpp/common-chat-template",
        ]
        XCTAssertEqual(try catalogRules(for: Array(expected.keys)), expected)
    }

    /// Older whisper.cpp names (before the `_with_params` functions).
    func testSinksCoverOlderWhisperNames() throws {
        let expected = [
            "whisper_init": "whisper.cpp/model-load", "whisper_init_from_file": "whisper.cpp/model-load",
            "whisper_init_from_buffer": "whisper.cpp/model-load", "whisper_init_no_state": "whisper.cpp/model-load",
            "whisper_pcm_to_mel_phase_vocoder": "whisper.cpp/inference", "whisper_set_mel": "whisper.cpp/inference",
        ]
        XCTAssertEqual(try catalogRules(for: Array(expected.keys)), expected)
    }

    /// ONNX Runtime's per-provider factory functions load a native provider library.
    func testSinksCoverOrtProviderFactoryFunctions() throws {
        let names = ["OrtSessionOptionsAppendExecutionProvider_CUDA", "OrtSessionOptionsAppendExecutionProvider_Dnnl",
                     "OrtSessionOptionsAppendExecutionProvider_Tensorrt", "OrtSessionOptionsAppendExecutionProvider_OpenVINO",
                     "OrtSessionOptionsAppendExecutionProvider_CoreML"]
        let rules = try catalogRules(for: names)
        for name in names { XCTAssertEqual(rules[name], "onnxruntime/execution-provider", name) }
        // Scoped: a user's own function of a similar name is not a sink.
        XCTAssertNil(try catalogRules(for: ["MyOrtSessionOptionsAppendExecutionProvider_CUDA"]).values.first)
    }

    func testSinksWithProjectRulesListsThemFirst() throws {
        let t = try TempTree()
        try t.write("sinkmap.yml", """
            builtin-sinks: false
            sinks:
              - id: acme/complete
                function: acme::complete
                pattern: "^acme::llm::"
                category: inference
                reason: Sends the prompt to Acme
            """)
        let r = try sinkmap(["sinks", t.root])
        XCTAssertEqual(r.code, 0, r.all)
        // The rule's file as named from the working folder.
        XCTAssertEqual(r.stdout, """
            acme/complete  [inference]  (\(t.path("sinkmap.yml")))
                Sends the prompt to Acme
                acme::complete, /^acme::llm::/
            1 rules

            """, r.all)
        let json = try sinkmap(["sinks", t.root, "--format", "json"])
        XCTAssertEqual(json.code, 0, json.all)
        let rules = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(rules?.map { $0["id"] as? String }, ["acme/complete"], json.all)
    }

    func testHelpMentionsExamples() throws {
        let r = try sinkmap(["--help"])
        XCTAssertEqual(r.code, 0, r.all)
        XCTAssertTrue(r.stdout.contains("Examples"), r.all)
        XCTAssertTrue(r.stdout.contains("SUBCOMMANDS:"), r.all)
        let scan = try sinkmap(["scan", "--help"])
        XCTAssertEqual(scan.code, 0, scan.all)
        XCTAssertTrue(scan.stdout.contains("Examples:"), scan.all)
        XCTAssertTrue(scan.stdout.contains("--max-paths"), scan.all)
    }

    func testVersion() throws {
        let r = try sinkmap(["--version"])
        XCTAssertEqual(r.code, 0, r.all)
        // The version, then the libclang this binary runs on (what a file parses to depends on it).
        XCTAssertEqual(r.stdout, "\(SinkmapVersion.current)\nlibclang: \(SinkmapVersion.libclang)\n", r.all)
        XCTAssertTrue(SinkmapVersion.libclang.contains("clang version \(SinkmapVersion.libclangMajor)."), SinkmapVersion.libclang)
    }
}

import SinkmapKit

/// The built-in rule count, read from the module so the CLI test does not hard-code it.
enum SinkmapKitCatalogCount {
    static var value: Int { BuiltinSinkCatalog.rules.count }
}
