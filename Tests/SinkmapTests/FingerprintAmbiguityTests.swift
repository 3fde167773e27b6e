import ClangFrontend
import Foundation
import SinkmapCore
import SinkmapKit
import XCTest

/// Fingerprints hash a length-prefixed sequence of ids, and ids escape control characters: two different paths
/// never share a fingerprint, however their functions and files are named (issue 21, attack 3).
final class FingerprintAmbiguityTests: XCTestCase {
    /// The attack: a file-local function's id ends with its file name, and a file name may hold a newline.
    func testTheNewlineAttackNoLongerCollides() {
        let approved = ["c:@F@main@d/a.c", "c:x.c@F@run@e/x.c", "c:@F@llama_decode"]
        let forged = ["c:@F@main@d/a.c\nc:x.c@F@run@e/x.c", "c:@F@llama_decode"]
        // Format 1 joined ids with newlines: the same text, so the same fingerprint.
        XCTAssertEqual(approved.joined(separator: "\n"), forged.joined(separator: "\n"))
        XCTAssertNotEqual(PathFingerprint.of(rule: "llama.cpp/decode", functionIDs: approved),
                          PathFingerprint.of(rule: "llama.cpp/decode", functionIDs: forged))
        // And the forged id cannot be spelled: the file name's newline is escaped in the id.
        XCTAssertEqual(FunctionID.internal(usr: "c:@F@main", file: "d/a.c\nc:x.c@F@run@e/x.c"),
                       "c:@F@main@d/a.c\\u{a}c:x.c@F@run@e/x.c")
        XCTAssertNotEqual(FunctionID.internal(usr: "c:@F@f", file: "a\\u{a}"), FunctionID.internal(usr: "c:@F@f", file: "a\n"),
                          "a backslash is escaped too, so an escape cannot be typed into a file name")
    }

    /// Property: over generated names built from separators, newlines, `@`, `::`, quotes and backslashes, two
    /// different (rule, ids) sequences never give the same fingerprint input, nor the same fingerprint.
    func testGeneratedSequencesNeverShareAFingerprint() {
        let pieces = ["a", "b", "/", "\n", "@", "::", ":", "c:", "@F@", "1", "\\", "\"", ",", "\u{0}", " ", "é", "\u{202E}"]
        var rng = SeededGenerator(seed: 21)
        func name() -> String { (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
        var byInput: [String: [String]] = [:]
        var byFingerprint: [String: [String]] = [:]
        for _ in 0..<20_000 {
            let sequence = (0..<Int.random(in: 1...4, using: &rng)).map { _ in name() }
            let rule = sequence[0], ids = Array(sequence.dropFirst())
            let input = PathFingerprint.fingerprintInput(sequence)
            if let other = byInput[input] { XCTAssertEqual(other, sequence, "two sequences, one input: \(input.debugDescription)") }
            byInput[input] = sequence
            let fingerprint = PathFingerprint.of(rule: rule, functionIDs: ids)
            if let other = byFingerprint[fingerprint] { XCTAssertEqual(other, sequence, "two paths, one fingerprint") }
            byFingerprint[fingerprint] = sequence
        }
        XCTAssertGreaterThan(byInput.count, 10_000, "the generator makes distinct sequences")
    }

    /// Property: escaped file names never hold a control character, and different names escape differently.
    func testEscapedIDsHoldNoControlCharacterAndNeverCollide() {
        let pieces = ["a", "\n", "\\", "u{a}", "\u{1B}", "\u{7F}", "\u{2028}", "/", "@"]
        var rng = SeededGenerator(seed: 7)
        var seen: [String: String] = [:]
        for _ in 0..<5_000 {
            let file = (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let id = FunctionID.internal(usr: "c:x.c@F@f", file: file)
            XCTAssertFalse(id.unicodeScalars.contains(where: ControlCharacters.contains), id.debugDescription)
            if let other = seen[id] { XCTAssertEqual(other, file, "two files, one id") }
            seen[id] = file
        }
    }

    /// The include search replayed from text: the includer's folder first for quoted names, then -iquote, -I,
    /// -isystem, -idirafter; a header named through a macro cannot be replayed.
    func testIncludeSearchRecordsEveryPathProbedBeforeTheOneFound() {
        let job = CompileJob(file: "/t/src/main.c", arguments: ["-iquote", "q", "-I/t/include", "-isystem", "/t/sys"],
                             directory: "/t")
        let texts = ["/t/src/main.c": "#include \"api.h\"\n# include <sys.h>\n#if __has_include(\"opt.h\")\n#endif\n"]
        let present: Set<String> = ["/t/include/api.h", "/t/sys/sys.h"]
        func names(_ text: String) -> (String) -> [IncludeSearch.Name]? { { _ in IncludeSearch.names(in: text) } }
        let probes = IncludeSearch(job: job).probes(files: ["/t/src/main.c"], names: names(texts["/t/src/main.c"]!),
                                                    exists: { present.contains($0) })
        XCTAssertEqual(probes?.absent, ["/t/include/opt.h", "/t/include/sys.h", "/t/q/api.h", "/t/q/opt.h", "/t/src/api.h",
                                        "/t/src/opt.h", "/t/sys/opt.h"])
        XCTAssertEqual(probes?.found, ["/t/include/api.h", "/t/sys/sys.h"])
        let macro = IncludeSearch(job: job).probes(files: ["/t/src/main.c"], names: names("#include CONFIG_H\n"), exists: { _ in false })
        XCTAssertNil(macro, "a computed include cannot be replayed: the unit is not cached")
        let feature = IncludeSearch(job: job).probes(files: ["/t/src/main.c"],
                                                     names: names("#if defined(__has_include)\n#endif\n"), exists: { _ in false })
        XCTAssertEqual(feature?.absent, [], "testing for the feature probes nothing")
        // `#include ...` in a comment (stb_image.h's documentation) names no header and no macro: the unit stays
        // cacheable; a macro after `__has_include(` does not.
        XCTAssertEqual(IncludeSearch.names(in: "/*\n   #include ...\n*/\n#include \"a.h\"\n")?.map(\.name), ["a.h"])
        XCTAssertNil(IncludeSearch.names(in: "#if __has_include(OPT_H)\n#endif\n"))
        XCTAssertNil(IncludeSearch.names(in: "#  include\tCONFIG_H\n"))
    }
}
