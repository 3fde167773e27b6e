import Foundation
import XCTest

enum Hostile {
    /// A compiled report's JSON without the fields that may differ between identical scans: `stats.seconds`, and
    /// `stats.cachedTranslationUnits` (present only when the cache answered).
    static func comparableJSON(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"cachedTranslationUnits\" :") }
            .map { $0.contains("\"seconds\" :") ? "    \"seconds\" : 0" : String($0) }
            .joined(separator: "\n")
    }

    /// Every process whose command line mentions `needle` (a test's unique temporary folder): the libclang workers
    /// of a scan of that folder, which must not outlive it.
    static func processes(mentioning needle: String) -> [Int32] {
        let me = getpid()
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { entry in
            guard let pid = Int32(entry), pid != me,
                  let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
            let cmdline = String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return cmdline.contains(needle) ? pid : nil
        }
    }

    /// Waits up to `seconds` for `condition`, polling.
    @discardableResult
    static func wait(_ seconds: TimeInterval, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// The bytes a writer must never emit raw from a scanned tree: C0 controls other than newline and tab, DEL,
    /// C1 controls, line/paragraph separators, bidi controls and invisible characters. Returns a description of the first one found.
    static func rawControl(in text: String) -> String? {
        for (offset, u) in text.unicodeScalars.enumerated() {
            let v = u.value
            let bad = (v < 0x20 && v != 0x0a && v != 0x09) || (0x7f..<0xa0).contains(v) || v == 0x061c || v == 0x200e
                || v == 0x200f || v == 0x2028 || v == 0x2029 || (0x202a...0x202e).contains(v) || (0x2066...0x2069).contains(v)
                // Invisible: zero-width space and joiners, word joiner, BOM, soft hyphen, Hangul fillers, CGJ, Mongolian VS.
                || (0x200b...0x200d).contains(v) || v == 0x2060 || v == 0xfeff || v == 0x00ad || v == 0x3164
                || v == 0x115f || v == 0x1160 || v == 0xffa0 || v == 0x034f || v == 0x180e
            if bad {
                let start = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: max(0, offset - 30))
                let context = String(String.UnicodeScalarView(text.unicodeScalars[start...].prefix(60)))
                return "U+\(String(v, radix: 16, uppercase: true)) at scalar \(offset) near \(context.debugDescription)"
            }
        }
        return nil
    }
}
