import Foundation
import XCTest
@testable import ClangFrontend
import SinkmapKit
import SinkmapReport

/// Shared preambles (issue 15): units that open with the same `#include` lines under the same flags are parsed
/// with one precompiled header of those lines, and give exactly the facts of a whole parse.
final class SharedPreambleTests: XCTestCase {
    // MARK: the opening run of a file

    func testTheOpeningRunIsTheIncludeLinesBeforeAnythingElse() {
        let text = """
            // license
            /* a block
               comment */
            #include <vector>
              #  include "arg.h"   // why
            #include <map> /* note */

            #define X 1
            #include <string>
            """
        let run = LeadingInclude.run(of: Array(text.utf8))
        XCTAssertEqual(run.map(\.directive), ["#include <vector>", "#include \"arg.h\"", "#include <map>"])
        XCTAssertEqual(run.map(\.isQuoted), [false, true, false])
        let bytes = Array(text.utf8)
        XCTAssertEqual(run.map { String(decoding: bytes[$0.range], as: UTF8.self) },
                       ["#include <vector>", "#  include \"arg.h\"", "#include <map>"])
    }

    func testWhatTheRunDoesNotReadEndsIt() {
        func directives(_ text: String) -> [String] { LeadingInclude.run(of: Array(text.utf8)).map(\.directive) }
        XCTAssertEqual(directives("#include <a>\n#include_next <b>\n#include <c>\n"), ["#include <a>"])
        XCTAssertEqual(directives("#include <a>\n#import <b>\n"), ["#include <a>"])
        XCTAssertEqual(directives("#include <a>\n#include CONFIG_H\n"), ["#include <a>"])
        XCTAssertEqual(directives("#include <a>\n#include <b> \\\n  x\n"), ["#include <a>"])
        XCTAssertEqual(directives("#include <a>\n/* c */ #include <b>\n"), ["#include <a>"])
        XCTAssertEqual(directives("#include <a>\n#include <b> /* open\n */\n"), ["#include <a>"])
        XCTAssertEqual(directives("#include <a>\r\n#include <b>\r\n"), [])
        XCTAssertEqual(directives("// what??/\n#include <a>\n"), [])
        XCTAssertEqual(directives("#pragma once\n#include <a>\n"), [])
        XCTAssertEqual(directives("int x;\n#include <a>\n"), [])
        // The twin: the same lines with nothing in the way are read.
        XCTAssertEqual(directives("#include <a>\n#include <b>\n#include <c>\n"), ["#include <a>", "#include <b>", "#include <c>"])
    }

    // MARK: the plan

    func testUnitsTakeTheLongestOpeningTheyShareAndAPreambleForOneUnitIsNotBuilt() throws {
        let tree = try TempTree("sinkmap-preamble-plan")
        let flags = ["-std=c++17", "-I" + tree.path("include")]
        let one = try tree.write("src/one.cpp", "#include <vector>\n#include <map>\n#include <set>\nint one;\n")
        let two = try tree.write("src/two.cpp", "#include <vector>\n#include <map>\n#include <list>\nint two;\n")
        let three = try tree.write("src/three.cpp", "#include <vector>\n#include <deque>\nint three;\n")
        let other = try tree.write("src/other.cpp", "#include <vector>\n#include <map>\nint other;\n")
        let jobs = [one, two, three].map { CompileJob(file: $0, arguments: flags, directory: tree.root) }
            + [CompileJob(file: other, arguments: flags + ["-DOTHER"], directory: tree.root)]
        let plan = SharedPreambles.plan(jobs, directory: "/p", minimumUnits: 2)
        XCTAssertEqual(plan.keys.sorted(), [0, 1])
        XCTAssertEqual(plan[0]?.directives, ["#include <vector>", "#include <map>"])
        XCTAssertEqual(plan[0]?.key, plan[1]?.key)
        XCTAssertEqual(plan[0]?.headerLanguage, "c++-header")
    }

    func testAQuotedHeaderBesideTheUnitAndFlagsThatAddTextEndTheRun() throws {
        let tree = try TempTree("sinkmap-preamble-plan")
        try tree.write("include/api.h", "int api();\n")
        try tree.write("a/api.h", "int api();\n")
        let text = "#include <vector>\n#include \"api.h\"\nint f();\n"
        let a = try tree.write("a/a.cpp", text), b = try tree.write("b/b.cpp", text), c = try tree.write("c/c.cpp", text)
        let flags = ["-I" + tree.path("include")]
        let plan = SharedPreambles.plan([a, b, c].map { CompileJob(file: $0, arguments: flags, directory: tree.root) },
                                        directory: "/p", minimumUnits: 2)
        // a finds its own api.h first: only <vector> is shared with it, and b and c share both lines.
        XCTAssertEqual(plan.keys.sorted(), [1, 2])
        XCTAssertEqual(plan[1]?.directives, ["#include <vector>", "#include \"api.h\""])
        for excluded in [["-include", "x.h"], ["-imacros", "x.h"], ["-x", "objective-c++"], ["-Xclang", "-ast-dump"],
                         ["-fms-compatibility"]] {
            let jobs = [b, c].map { CompileJob(file: $0, arguments: flags + excluded, directory: tree.root) }
            XCTAssertTrue(SharedPreambles.plan(jobs, directory: "/p", minimumUnits: 2).isEmpty, "\(excluded)")
        }
        let climbing = try tree.write("d/d.cpp", "#include \"../include/api.h\"\nint d;\n")
        let climbing2 = try tree.write("e/e.cpp", "#include \"../include/api.h\"\nint e;\n")
        XCTAssertTrue(SharedPreambles.plan([climbing, climbing2].map { CompileJob(file: $0, arguments: flags, directory: tree.root) },
                                           directory: "/p", minimumUnits: 2).isEmpty)
    }

    // MARK: scans

    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
        func set(_ v: Int) { lock.lock(); n = v; lock.unlock() }
    }

    /// The report with preambles (at least `minimum` units per preamble) and without, and how many units used one.
    func scanBothWays(_ root: String, minimum: Int = 2, isolated: Bool = false,
                      configure: (inout ScanOptions) -> Void = { _ in }) throws -> (Report, Report, Int) {
        let used = Count()
        var shared = try Scanning.scan(root) { options in
            configure(&options)
            options.preambleMinimumUnits = minimum
            options.preamblesUsed = { used.set($0) }
            if isolated { options.isolation = BuiltBinary.sinkmap.map { ParallelIndexer.Isolation(executable: $0, timeout: 60) } }
        }
        var whole = try Scanning.scan(root) { options in
            configure(&options)
            options.sharedPreambles = false
            if isolated { options.isolation = BuiltBinary.sinkmap.map { ParallelIndexer.Isolation(executable: $0, timeout: 60) } }
        }
        shared.stats.seconds = 0
        whole.stats.seconds = 0
        return (shared, whole, used.value)
    }

    func testTwoUnitsShareOnePreambleInWorkerProcessesAndGiveTheWholeParsesReport() throws {
        let tree = try TempTree("sinkmap-preamble")
        try tree.write("include/api.h", "#pragma once\nint llama_decode(int);\ninline int run(int v) { return llama_decode(v); }\n")
        for name in ["a", "b"] {
            try tree.write("src/\(name).cpp", """
                #include <vector>
                #include <string>
                #include "api.h"
                int handle_\(name)(std::vector<int> &v) { return run((int)v.size()); }
                int main() { std::vector<int> v; return handle_\(name)(v); }
                """)
        }
        let (shared, whole, used) = try scanBothWays(tree.root, isolated: true) {
            $0.extraArguments = ["-I" + tree.path("include")]
        }
        XCTAssertEqual(used, 2)
        XCTAssertEqual(shared, whole)
        XCTAssertEqual(Scanning.lines(shared), [
            "llama.cpp/decode: main@src/a.cpp -(direct)-> handle_a -(direct)-> run -(direct)-> llama_decode",
            "llama.cpp/decode: main@src/b.cpp -(direct)-> handle_b -(direct)-> run -(direct)-> llama_decode",
        ])
    }

    /// A header without a guard is read once, where the unit reads it: the preamble stands in for the lines, which
    /// are blanked, never read twice. Included twice, this one would turn `run` into `safe`.
    func testAHeaderWithoutAGuardIsReadOnceAsInTheUnit() throws {
        let tree = try TempTree("sinkmap-preamble")
        try tree.write("include/toggle.h", """
            int llama_decode(int);
            int safe(int);
            #ifdef TOGGLE_SEEN
            #undef run
            #define run(x) safe(x)
            #else
            #define TOGGLE_SEEN
            #define run(x) llama_decode(x)
            #endif
            """)
        for name in ["a", "b"] {
            try tree.write("src/\(name).cpp", "#include \"toggle.h\"\nint main() { return run(1); }\n")
        }
        let (shared, whole, used) = try scanBothWays(tree.root) { $0.extraArguments = ["-I" + tree.path("include")] }
        XCTAssertEqual(used, 2)
        XCTAssertEqual(shared, whole)
        XCTAssertEqual(shared.paths.count, 2)
        XCTAssertEqual(Set(shared.paths.map { $0.frames.last?.function }), ["llama_decode"])
    }

    /// The twin of the shadowing rule: `a/api.h` beside `a.cpp` turns `run` into the sink for `a` only. With one
    /// compile command for all three, `a` is parsed whole, `b` and `c` share their preamble, and only `a`'s path is
    /// found, as without preambles.
    func testAHeaderBesideTheUnitIsTheOneItReads() throws {
        let tree = try TempTree("sinkmap-preamble")
        try tree.write("include/api.h", "#pragma once\nint run(int);\n")
        try tree.write("a/api.h", "#pragma once\nint llama_decode(int);\n#define run(x) llama_decode(x)\n")
        var entries: [[String: Any]] = []
        for name in ["a", "b", "c"] {
            let file = try tree.write("\(name)/\(name).cpp", "#include <vector>\n#include \"api.h\"\nint main() { return run(1); }\n")
            entries.append(["directory": tree.root, "file": file,
                            "arguments": ["c++", "-std=c++17", "-I" + tree.path("include"), "-c", file]])
        }
        try tree.writeDatabase("compile_commands.json", entries)
        let (shared, whole, used) = try scanBothWays(tree.root) { $0.compileCommandsDirectory = tree.root }
        XCTAssertEqual(used, 2)
        XCTAssertEqual(shared, whole)
        XCTAssertEqual(shared.paths.map { $0.frames.first?.file }, ["a/a.cpp"])
    }

    /// `__BASE_FILE__` in a header the preamble would read names the preamble's own header there: no preamble is
    /// built, and the model path each unit passes is its own file's name, as in a whole parse.
    func testAHeaderUsingBaseFileKeepsThePreambleOut() throws {
        let tree = try TempTree("sinkmap-preamble")
        try tree.write("include/api.h", """
            #pragma once
            struct llama_model;
            struct llama_model_params { int n; };
            llama_model *llama_model_load_from_file(const char *path, llama_model_params params);
            inline llama_model *load_here() { return llama_model_load_from_file(__BASE_FILE__, llama_model_params{0}); }
            """)
        for name in ["a", "b"] {
            try tree.write("src/\(name).cpp", "#include \"api.h\"\nint main() { return load_here() != 0; }\n")
        }
        let (shared, whole, used) = try scanBothWays(tree.root) { $0.extraArguments = ["-I" + tree.path("include")] }
        XCTAssertEqual(used, 0)
        XCTAssertEqual(shared, whole)
        // The twin: the same header without `__BASE_FILE__` is shared.
        try tree.write("include/api.h", "#pragma once\nint llama_decode(int);\ninline int load_here() { return llama_decode(1); }\n")
        let (_, _, usedNow) = try scanBothWays(tree.root) { $0.extraArguments = ["-I" + tree.path("include")] }
        XCTAssertEqual(usedNow, 2)
    }

    /// A unit that shows an error with its preamble is parsed whole: its diagnostics and recovered calls are those
    /// of a whole parse. The other unit keeps the preamble.
    func testAUnitWithAnErrorIsParsedWhole() throws {
        let tree = try TempTree("sinkmap-preamble")
        try tree.write("include/api.h", "#pragma once\nint llama_decode(int);\n")
        try tree.write("src/a.cpp", "#include <vector>\n#include \"api.h\"\nint main() { return llama_decode(1); }\n")
        try tree.write("src/b.cpp", "#include <vector>\n#include \"api.h\"\nint main() { undeclared(2); return llama_decode(1); }\n")
        let (shared, whole, used) = try scanBothWays(tree.root) { $0.extraArguments = ["-I" + tree.path("include")] }
        XCTAssertEqual(used, 1)
        XCTAssertEqual(shared, whole)
        XCTAssertTrue(shared.diagnostics.contains { $0.file == "src/b.cpp" && $0.line == 3 && $0.severity == "error" })
    }

    /// What a unit read through its preamble is in its cache entry: editing a header only the preamble read, even
    /// through another header, re-parses both units and finds the new path; not editing it parses none. Preambles are planned over the
    /// units left to parse: one unit edited alone is parsed whole.
    func testTheHeadersAPreambleReadKeyTheUnitsCacheEntries() throws {
        let tree = try TempTree("sinkmap-preamble")
        try tree.write("include/api.h", "#pragma once\n#include \"deep.h\"\n")
        try tree.write("include/deep.h", "#pragma once\nint run(int);\n")
        for name in ["a", "b"] {
            try tree.write("src/\(name).cpp", "#include \"api.h\"\nint main() { return run(1); }\n")
        }
        let cache = tree.path("cache")
        let used = Count()
        func scan() throws -> Report {
            try Scanning.scan(tree.root) {
                $0.extraArguments = ["-I" + tree.path("include")]
                $0.cacheDirectory = cache
                $0.preamblesUsed = { used.set($0) }
            }
        }
        XCTAssertEqual(try scan().paths.count, 0)
        XCTAssertEqual(used.value, 2)
        let again = try scan()
        XCTAssertEqual(again.stats.cachedTranslationUnits, 2)
        XCTAssertEqual(used.value, 0)
        // One unit left to parse: no preamble is built for it alone.
        try tree.write("src/a.cpp", "#include \"api.h\"\nint main() { return run(2); }\n")
        let one = try scan()
        XCTAssertEqual(one.stats.cachedTranslationUnits, 1)
        XCTAssertEqual(used.value, 0)
        // A header the preamble read through another (libclang does not list it as the units' inclusion).
        try tree.write("include/deep.h", "#pragma once\nint llama_decode(int);\n#define run(x) llama_decode(x)\n")
        let edited = try scan()
        XCTAssertEqual(edited.stats.cachedTranslationUnits ?? 0, 0)
        XCTAssertEqual(used.value, 2)
        XCTAssertEqual(edited.paths.count, 2)
    }

    /// The files each unit read — what its cache entry depends on — are the same with a preamble as whole, on every
    /// fixture.
    func testEveryFixtureUnitReadsTheSameFilesWithAPreamble() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repo.fixtures).sorted()
            .filter { FileManager.default.fileExists(atPath: Repo.fixture($0) + "/expected.txt") }
        var compared = 0
        for name in names {
            let root = Repo.fixture(name)
            let database = root + "/compile_commands.json"
            let jobs = FileManager.default.fileExists(atPath: database)
                ? ((try? CompilationDatabase(path: database))?.jobs ?? [])
                : SourceTreeScanner(root: root).jobs().jobs
            guard jobs.count > 1 else { continue }
            func inputs(preambles: SharedPreambles?) -> [String: [String]] {
                final class Box: @unchecked Sendable { let lock = NSLock(); var read: [String: [String]] = [:] }
                let box = Box()
                var indexer = ParallelIndexer(root: root, workers: 2)
                indexer.preambles = preambles
                _ = indexer.run(jobs, memo: ParallelIndexer.Memo(lookup: { _ in nil }, store: { job, _, read in
                    box.lock.lock(); box.read[job.file + " " + job.arguments.joined(separator: " ")] = read; box.lock.unlock()
                }))
                return box.read
            }
            let preambles = SharedPreambles(minimumUnits: 1)
            let shared = inputs(preambles: preambles)
            XCTAssertEqual(shared, inputs(preambles: nil), name)
            if preambles.used > 0 { compared += 1 }
        }
        XCTAssertGreaterThanOrEqual(compared, 30)
    }

    /// Every fixture, with a preamble for every unit that opens with an `#include` (even one unit alone): the same
    /// report as whole parses.
    func testEveryFixtureGivesTheSameReportWithPreambles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repo.fixtures).sorted()
            .filter { FileManager.default.fileExists(atPath: Repo.fixture($0) + "/expected.txt") }
        var total = 0
        var covered: [String] = []
        for name in names {
            let (shared, whole, used) = try scanBothWays(Repo.fixture(name), minimum: 1)
            XCTAssertEqual(shared, whole, name)
            total += used
            if used > 0 { covered.append(name) }
        }
        print("shared preambles: \(total) units of \(covered.count) of \(names.count) fixtures")
        XCTAssertGreaterThanOrEqual(covered.count, 55, "fixtures parsed with a preamble: \(covered)")
        XCTAssertGreaterThanOrEqual(total, 120)
    }
}
