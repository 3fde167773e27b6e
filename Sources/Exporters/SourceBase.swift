import Foundation

/// `--source-base`: where the scanned root is, as an absolute URI ending in `/`, so every root-relative file of a
/// report resolves to an absolute one (`Report.sourceBase`, SARIF's `%SRCROOT%` `uri`). Given as a folder — made
/// absolute against the working folder and spelled as a `file://` URI — or as a URI with a scheme (`file:///src/`,
/// `https://github.com/acme/app/blob/4f2c1e0/`), kept as written.
public enum SourceBase {
    public static func uri(_ value: String, workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> String {
        guard !value.isEmpty, !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw ExportError.sourceBase(value, problem: "is empty or holds a control character")
        }
        if let scheme = scheme(of: value) {
            guard !value.contains("?"), !value.contains("#") else {
                throw ExportError.sourceBase(value, problem: "must not have a query or fragment (files are appended to it)")
            }
            guard value.count > scheme.count + 1 else { throw ExportError.sourceBase(value, problem: "has nothing after its scheme") }
            guard !value.unicodeScalars.contains(where: { $0 == " " || $0.value > 0x7e }) else {
                throw ExportError.sourceBase(value, problem: "is not a URI (percent-encode spaces and non-ASCII characters, or give a folder)")
            }
            return value.hasSuffix("/") ? value : value + "/"
        }
        let absolute = value.hasPrefix("/") ? value : (workingDirectory as NSString).appendingPathComponent(value)
        var path = URL(fileURLWithPath: absolute).standardizedFileURL.path
        if !path.hasSuffix("/") { path += "/" }
        return "file://" + SARIFExporter.percentEncoded(path)
    }

    /// `https` in `https://…`: letters, digits, `+ - .` after a letter, then `:` — and more than one letter, so a
    /// Windows drive (`C:`) is not a scheme.
    static func scheme(of value: String) -> String? {
        guard let colon = value.firstIndex(of: ":") else { return nil }
        let scheme = value[..<colon]
        let letter: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        guard scheme.count > 1, let first = scheme.unicodeScalars.first, letter(first),
              scheme.unicodeScalars.allSatisfy({ letter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return String(scheme)
    }
}
