import Crypto

/// Bounds every string libclang hands sinkmap. A tree can make names grow exponentially with its size —
/// `typedef P<T0,T0> T1; … T20` spells a 4 MB type in 1 KB of source — and each one would be stored, cached and
/// reported. A string longer than `maximumBytes` keeps its first part, then a marker with its full length and a
/// hash of the whole (so two long names that share a beginning stay distinct, and the same name always reads the
/// same).
public enum BoundedText {
    /// 4 KiB: more than any real name and any path (PATH_MAX) needs.
    public static let maximumBytes = 4096

    public static func bounded(_ s: String) -> String {
        let utf8 = s.utf8
        guard utf8.count > maximumBytes else { return s }
        let marker = "…[truncated: \(utf8.count) bytes, sha256 \(SHA256.hex(s).prefix(16))]"
        var kept = ""
        var size = 0
        let room = maximumBytes - marker.utf8.count
        for u in s.unicodeScalars {
            let width = String(u).utf8.count
            if size + width > room { break }
            kept.unicodeScalars.append(u)
            size += width
        }
        return kept + marker
    }
}
