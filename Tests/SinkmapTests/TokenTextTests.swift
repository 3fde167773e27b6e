import SinkmapCore
import XCTest

/// `TokenText` drops only what clang sees as white space or a comment, and gives up (nil) where a reading depends
/// on what it does not model; `PositionShift` moves a token's position and nothing else.
final class TokenTextTests: XCTestCase {
    func text(_ s: String) -> TokenText? { TokenText(Array(s.utf8)) }

    func assertSame(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotNil(text(a), file: file, line: line)
        XCTAssertEqual(text(a), text(b), "\(a) | \(b)", file: file, line: line)
    }

    func assertDifferent(_ a: String, _ b: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotNil(text(a), file: file, line: line)
        XCTAssertNotNil(text(b), file: file, line: line)
        XCTAssertNotEqual(text(a), text(b), "\(a) | \(b)", file: file, line: line)
    }

    func testCommentsAndTheAmountOfWhiteSpaceAreNotTokens() {
        assertSame("int f(int x);\nint g();\n", "// added\nint f(int x);   /* why */\n\n\nint g();   // trailing\n")
        assertSame("int f(int x);", "  int   f(int  x);")
        assertSame("a b", "a/* c */b")
        assertSame("#include \"x.h\"\nint a;", "/* lead */\n#include \"x.h\"\n\n// c\nint a;")
    }

    /// Where white space separates tokens, or ends a directive, it stays.
    func testWhiteSpaceThatSeparatesTokensStays() {
        assertDifferent("a - -b", "a --b")
        assertDifferent("x = a+ +b;", "x = a++b;")
        assertDifferent("u8 \"x\"", "u8\"x\"")
        assertDifferent("int x", "intx")
        assertDifferent("#define A(x) x", "#define A (x) x")
        assertDifferent("#define A 1\n+ 2", "#define A 1 + 2")
        assertDifferent("in\\\nt a;", "in\\\n\nt a;")
    }

    /// Inside literals and directive lines every byte counts: `<a//b.h>` is a header name, not a comment.
    func testLiteralsAndDirectivesAreKeptWhole() {
        assertDifferent("const char * s = \"a  // b\";", "const char * s = \"a // b\";")
        assertDifferent("#include <a//b.h>\n", "#include <a//c.h>\n")
        assertDifferent("/* x */ #include <a//b.h>\n", "/* x */ #include <a//c.h>\n")
        assertDifferent("#define X 1 // one\n", "#define X 1 // two\n")
        assertDifferent("char c = '/'; // x\n int a;", "char c = '/'; // x\n int b;")
        assertDifferent("import <a//b.h>;", "import <a//c.h>;")
        assertSame("#define X 1\nint a;", "#define X 1\n// comment\nint a;")
    }

    /// Readings that depend on the language mode or on line splices: no `TokenText`, the file is compared by bytes.
    func testWhatItDoesNotModelHasNoTokenText() {
        XCTAssertNil(text("auto s = R\"(a\" // b)\";"))        // raw string (C++) or R then a string (C)
        XCTAssertNil(text("int x = 1'000; // c"))             // digit separator (C++) or a character literal (C)
        XCTAssertNil(text("int x = 0xFF'FF;"))
        XCTAssertNil(text("// continued \\\nint hidden;"))     // the next line is part of the comment
        XCTAssertNil(text("/* ends *\\\n/ int x; */"))         // a splice inside a block comment
        XCTAssertNil(text("/* never closed"))
        XCTAssertNil(text("#define A 1 /* open\n*/ + f()"))  // a directive's comment running on
        XCTAssertNil(text("int a;\r\nint b;"))
        XCTAssertNil(text("??/\nint a;"))
        XCTAssertNotNil(text("auto c = L'x'; auto d = u8\"y\";"))
    }

    func testPositionsMoveWithTheirTokens() throws {
        let old = Array("int f();\nint g() { return f(); }\n".utf8)
        let new = Array("// added\nint f();\n\n  int g() {   return f(); }\n".utf8)
        let shift = try XCTUnwrap(PositionShift(old: old, new: new))
        XCTAssertEqual(shift.position(line: 1, column: 5).map { [$0.line, $0.column] }, [2, 5])     // f
        XCTAssertEqual(shift.position(line: 2, column: 18).map { [$0.line, $0.column] }, [4, 22])   // the call of f
        XCTAssertNil(shift.position(line: 1, column: 9))       // the new line: not a token
        XCTAssertNil(shift.position(line: 9, column: 1))
        XCTAssertNil(PositionShift(old: old, new: Array("int f();\nint g() { return f() + 1; }\n".utf8)))
    }

    func testStringsMoveWhereTheirFileIsKnown() throws {
        let shift = try XCTUnwrap(PositionShift(old: Array("int a;\nauto l = [] {};\n".utf8),
                                                new: Array("int a;\n// c\nauto l = [] {};\n".utf8)))
        let remap = PositionRemap(files: [(["include/h.h", "/t/include/h.h"], shift), (["src/m.cpp", "/t/src/m.cpp"], nil)])
        XCTAssertEqual(try remap.string("lambda-at:include/h.h:2:10"), "lambda-at:include/h.h:3:10")
        XCTAssertEqual(try remap.string("f::(lambda at /t/include/h.h:2:10)::operator()"), "f::(lambda at /t/include/h.h:3:10)::operator()")
        XCTAssertEqual(try remap.string("include/h.h:8"), "include/h.h:13")       // a declaration's offset
        XCTAssertEqual(try remap.string("c:h.h@8@F@x"), "c:h.h@13@F@x")           // a USR's local declaration
        XCTAssertEqual(try remap.string("lambda-at:src/m.cpp:2:10"), "lambda-at:src/m.cpp:2:10")
        XCTAssertEqual(try remap.string("c:@F@llama_decode"), "c:@F@llama_decode")
        // A position whose file is unknown and where the moved file moves a token: not guessed.
        XCTAssertThrowsError(try remap.string("x::lambda@2:10"))
        XCTAssertEqual(try remap.string("x::lambda@1:5"), "x::lambda@1:5")        // line 1 did not move
        XCTAssertThrowsError(try remap.string("lambda-at:include/h.h:2:5"))        // white space: no token there
    }

    func testMacrosWhoseValueIsALineArePositional() {
        let a = PositionalMacros(Array("#define HERE __LINE__\n#define AT(x) f(x, HERE)\n#define CAT(a, b) a##b\n#define G g\nint g();\n".utf8))
        let definitions = { (name: String) in a.definitions[name].map { [$0] } ?? [] }
        for name in ["__LINE__", "HERE", "AT", "CAT", "source_location"] {
            XCTAssertTrue(PositionalMacros.usesPosition([name], definitions: definitions), name)
        }
        XCTAssertFalse(PositionalMacros.usesPosition(["G", "g", "f"], definitions: definitions))
        XCTAssertEqual(a.used, [], "names outside #define only when asked for")
        XCTAssertEqual(PositionalMacros(Array("#if __LINE__ > 2\nAT(1);\n#endif\n".utf8), names: true).used, ["if", "__LINE__", "AT", "endif"])
        XCTAssertEqual(PositionalMacros(Array("#define L \\\n  __LINE__\n".utf8)).definitions["L"], .some(["__LINE__"]))
    }
}
