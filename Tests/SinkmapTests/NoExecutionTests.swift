import Foundation
import XCTest

/// sinkmap only reads: the compilers and scripts a compilation database names, the project's build files and
/// anything else in the scanned tree are never run, and compiler flags from the database cannot make libclang load
/// code or write files. Every trap below would leave a marker file if it ever ran.
final class NoExecutionTests: XCTestCase {
    /// A tree whose every executable thing drops a `MARKER-…` file in `markers/` when run, and whose only path
    /// to a sink exists when the database's `-DFROM_DB` reaches libclang (so the database was really used).
    func makeTree() throws -> TempTree {
        let t = try TempTree("sinkmap-noexec")
        try FileManager.default.createDirectory(atPath: t.path("markers"), withIntermediateDirectories: true)
        try t.write("include/llama.h", "int llama_decode(void * ctx, int n);\n")
        for name in ["a", "b", "c"] {
            try t.write("src/\(name).c", """
                #include "llama.h"
                #ifdef FROM_DB
                int handler_\(name)(void) { return llama_decode(0, 1); }
                #endif
                """)
        }
        let marker = { (what: String) in "touch '\(t.path("markers"))/MARKER-\(what)'" }
        for (file, what) in [("cc-wrapper.sh", "compiler"), ("configure", "configure"), ("build.sh", "build-script")] {
            try t.write(file, "#!/bin/sh\n\(marker(what))\nexit 0\n")
            chmod(t.path(file), 0o755)
        }
        try t.write("Makefile", "all:\n\t\(marker("make"))\n")
        try t.write("CMakeLists.txt", "execute_process(COMMAND sh -c \"\(marker("cmake"))\")\n")
        try t.write(".git/hooks/post-checkout", "#!/bin/sh\n\(marker("git-hook"))\n")
        chmod(t.path(".git/hooks/post-checkout"), 0o755)
        try t.writeDatabase("compile_commands.json", [
            // A compiler that is a script in the tree, in the "command" form …
            ["directory": t.root, "file": "src/a.c", "command": "./cc-wrapper.sh -DFROM_DB -Iinclude -c src/a.c -o a.o"],
            // … and in the "arguments" form, by absolute path.
            ["directory": t.root, "file": "src/b.c",
             "arguments": [t.path("cc-wrapper.sh"), "-DFROM_DB", "-Iinclude", "-c", "src/b.c"]],
            // Shell syntax is never interpreted: no substitution, no `sh -c`.
            ["directory": t.root, "file": "src/c.c",
             "command": "sh -c '\(marker("sh-c"))' $(\(marker("substitution"))) `\(marker("backticks"))` -DFROM_DB -Iinclude -c src/c.c"],
        ])
        return t
    }

    func markers(_ t: TempTree) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: t.path("markers"))) ?? []).sorted()
    }

    func testCompilersScriptsAndBuildFilesAreNeverRun() throws {
        let t = try makeTree()
        let scan = try BuiltBinary.run(["scan", ".", "--format", "json", "--no-cache"], in: t.root, timeout: 120)
        XCTAssertEqual(scan.code, 0, scan.all)
        for handler in ["handler_a", "handler_b", "handler_c"] {
            XCTAssertTrue(scan.stdout.contains("\"function\" : \"\(handler)\""),
                          "the database's -DFROM_DB did not reach \(handler): \(scan.all)")
        }
        let baseline = try BuiltBinary.run(["baseline", ".", "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(baseline.code, 0, baseline.all)
        let check = try BuiltBinary.run(["check", ".", "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(check.code, 0, check.all)
        XCTAssertEqual(markers(t), [], "something from the scanned tree was run")
    }

    /// libclang 14 ignores plugin flags when parsing; this keeps it that way for any libclang sinkmap is built with.
    func testPluginFlagsInTheDatabaseLoadNothing() throws {
        guard let cc = ExternalTool.locate("cc", "gcc", "clang") else {
            throw XCTSkip("no C compiler to build the plugin that would leave a marker")
        }
        let t = try makeTree()
        try t.write("plugin.c", """
            #include <stdio.h>
            __attribute__((constructor)) static void loaded(void) {
                FILE * f = fopen("\(t.path("markers"))/MARKER-plugin", "w");
                if (f) fclose(f);
            }
            """)
        let build = try ExternalTool.run(cc, ["-shared", "-fPIC", "-o", t.path("plugin.so"), t.path("plugin.c")])
        guard build.code == 0 else { throw XCTSkip("could not build the plugin: \(build.stderr)") }
        let so = t.path("plugin.so")
        try t.writeDatabase("compile_commands.json", [
            ["directory": t.root, "file": "src/a.c",
             "arguments": ["cc", "-fplugin=\(so)", "-fpass-plugin=\(so)", "-Xclang", "-load", "-Xclang", so,
                           "-Xclang", "-add-plugin", "-Xclang", "x", "-DFROM_DB", "-Iinclude", "-c", "src/a.c"]],
        ])
        let scan = try BuiltBinary.run(["scan", ".", "--no-cache", "-q"], in: t.root, timeout: 120)
        XCTAssertEqual(scan.code, 0, scan.all)
        XCTAssertEqual(markers(t), [], "a plugin named in the database was loaded")
    }

    /// Flags that would make libclang write files where the database says (a dependency file through `-Wp,-MD`,
    /// whose first line an attacker controls with `-MT`; a module cache; a header list) are dropped.
    func testFlagsInTheDatabaseCannotMakeLibclangWriteFiles() throws {
        let t = try makeTree()
        try t.write("mods/module.modulemap", "module M { header \"m.h\" export * }\n")
        try t.write("mods/m.h", "int from_module(int);\n")
        try t.write("src/a.c", """
            #include "llama.h"
            #include "m.h"
            int handler_a(void) { return llama_decode(0, from_module(1)); }
            """)
        let out = t.path("written")
        try t.writeDatabase("compile_commands.json", [
            ["directory": t.root, "file": "src/a.c",
             "arguments": ["cc", "-Wp,-MD,\(out)-dep,-MT,echo pwned", "-fmodules", "-fmodules-cache-path=\(out)-modules",
                           "-Xclang", "-header-include-file", "-Xclang", "\(out)-headers", "-H",
                           "-Iinclude", "-Imods", "-c", "src/a.c"]],
        ])
        let scan = try BuiltBinary.run(["scan", ".", "--format", "json", "--no-cache"], in: t.root, timeout: 120)
        XCTAssertEqual(scan.code, 0, scan.all)
        XCTAssertTrue(scan.stdout.contains("\"function\" : \"handler_a\""), scan.all)
        let written = ((try? FileManager.default.contentsOfDirectory(atPath: t.root)) ?? []).filter { $0.hasPrefix("written") }
        XCTAssertEqual(written.sorted(), [], "flags from the database made libclang write files")
        XCTAssertTrue(scan.stdout.contains("flags not passed to libclang"), "the dropped flags are said in the report")
    }
}
