import Foundation
import XCTest

/// How long the parser fuzz tests run. `make test` tries a fixed, quick set of inputs (the same every time);
/// `make fuzz` sets `SINKMAP_FUZZ_SECONDS` and each parser is fuzzed for that long with a fresh seed.
/// `SINKMAP_FUZZ_SEED` replays a run. Before each input is tried it is written to a file, so an input that crashes
/// the process (which no test can catch) is left there to become a regression test.
struct FuzzBudget {
    let seconds: Double?
    let seed: UInt64
    let quickIterations: Int

    init(quickIterations: Int = 400) {
        let env = ProcessInfo.processInfo.environment
        seconds = env["SINKMAP_FUZZ_SECONDS"].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
        seed = env["SINKMAP_FUZZ_SEED"].flatMap { UInt64($0) } ?? (seconds == nil ? 20_261_127 : UInt64.random(in: 1...UInt64.max))
        self.quickIterations = quickIterations
    }

    /// Runs `body` on generated inputs until the budget is spent. `body` returns the input's bytes first (to be
    /// kept for a crash), through `keep`.
    func run(_ name: String, _ body: (inout SeededGenerator, _ keep: (Data) -> Void) throws -> Void) rethrows {
        var rng = SeededGenerator(seed: seed)
        let last = FileManager.default.temporaryDirectory.appendingPathComponent("sinkmap-fuzz-\(name).last")
        print("fuzz \(name): seed \(seed) (replay with SINKMAP_FUZZ_SEED=\(seed)); the input being tried is kept in \(last.path)")
        let keep: (Data) -> Void = { data in try? data.write(to: last) }
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        var n = 0
        while deadline.map({ Date() < $0 }) ?? (n < quickIterations) {
            try body(&rng, keep)
            n += 1
        }
        try? FileManager.default.removeItem(at: last)
        print("fuzz \(name): \(n) inputs, no crash")
    }
}

/// Byte-level mutations, the dictionary-guided kind a coverage fuzzer uses, driven by a seeded generator.
struct Mutator {
    var dictionary: [[UInt8]]

    init(tokens: [String]) {
        dictionary = tokens.map { Array($0.utf8) }
    }

    func mutate(_ input: [UInt8], corpus: [[UInt8]], rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
            switch Int.random(in: 0..<9, using: &rng) {
            case 0 where !bytes.isEmpty:
                let i = min(at, bytes.count - 1)
                bytes[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            case 1 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] = UInt8.random(in: 0...255, using: &rng)
            case 2, 3:
                bytes.insert(contentsOf: dictionary.randomElement(using: &rng)!, at: at)
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...16, using: &rng))
                if at < end { bytes.removeSubrange(at..<end) }
            case 5 where !bytes.isEmpty:
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                let chunk = Array(bytes[start..<min(bytes.count, start + Int.random(in: 1...32, using: &rng))])
                bytes.insert(contentsOf: chunk, at: at)
            case 6:
                if let other = corpus.randomElement(using: &rng), !other.isEmpty {
                    let start = Int.random(in: 0..<other.count, using: &rng)
                    bytes.insert(contentsOf: other[start..<min(other.count, start + Int.random(in: 1...64, using: &rng))], at: at)
                }
            case 7:
                bytes = Array(bytes.prefix(at))
            default:
                bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
            }
        }
        return bytes
    }
}

/// Strings a parser should find awkward: quotes, escapes, controls, bidi, separators, NUL, long runs.
enum AwkwardText {
    static let pieces = ["", " ", "\t", "\n", "\r\n", "\"", "'", "\\", "\\\"", "`", "$", "$(x)", "|", "&", "<", ">", "#",
                         ":", "::", "-", "--", "=", "@", "%", "*", "?", "[", "]", "{", "}", "(", ")", "\u{0}", "\u{1B}[31m",
                         "\u{9B}", "\u{7F}", "\u{202E}", "\u{2066}", "\u{2028}", "\u{85}", "\u{FEFF}", "é", "ß", "日本", "🙂",
                         "a", "Z", "0", "9", "llama_decode", "ns::f", "/abs/path", "rel/path.c", "-DX=\"a b\"", "-I"]

    static func string(_ rng: inout SeededGenerator, maxPieces: Int = 8) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }
}
