import Crypto

/// SHA-256 is swift-crypto's (BoringSSL on Linux, CryptoKit's on Apple systems); sinkmap only adds the spellings it
/// writes: lowercase hex of a text's UTF-8 (path fingerprints, the marker of a bounded name) or of bytes (content
/// hashes of the facts cache).
extension SHA256 {
    public static func hex(_ text: String) -> String {
        hash(data: Array(text.utf8)).hexDigits
    }
}

extension Sequence where Element == UInt8 {
    /// Two lowercase hex digits per byte.
    public var hexDigits: String {
        var out = ""
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(Self.digit(byte >> 4))
            out.append(Self.digit(byte & 0x0f))
        }
        return out
    }

    private static func digit(_ nibble: UInt8) -> Character {
        Character(Unicode.Scalar(nibble < 10 ? 0x30 + nibble : 0x57 + nibble))
    }
}
