/// SipHash-2-4 with a 128-bit key: a fast keyed hash. The facts cache uses it to fingerprint file contents
/// and to authenticate its entries with a key kept outside the scanned tree, so an entry planted by the
/// tree under review (or corrupted on disk) is rejected rather than trusted.
public struct SipHash {
    private var v0: UInt64, v1: UInt64, v2: UInt64, v3: UInt64
    private var tail: UInt64 = 0
    private var tailCount = 0
    private var length = 0

    public init(key0: UInt64, key1: UInt64) {
        v0 = key0 ^ 0x736f6d6570736575
        v1 = key1 ^ 0x646f72616e646f6d
        v2 = key0 ^ 0x6c7967656e657261
        v3 = key1 ^ 0x7465646279746573
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ b: UInt64) -> UInt64 { (x << b) | (x >> (64 - b)) }

    @inline(__always) private mutating func round() {
        v0 &+= v1; v1 = Self.rotl(v1, 13); v1 ^= v0; v0 = Self.rotl(v0, 32)
        v2 &+= v3; v3 = Self.rotl(v3, 16); v3 ^= v2
        v0 &+= v3; v3 = Self.rotl(v3, 21); v3 ^= v0
        v2 &+= v1; v1 = Self.rotl(v1, 17); v1 ^= v2; v2 = Self.rotl(v2, 32)
    }

    @inline(__always) private mutating func compress(_ m: UInt64) {
        v3 ^= m
        round(); round()
        v0 ^= m
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length += bytes.count
        var i = 0
        let n = bytes.count
        while tailCount != 0 && i < n {
            tail |= UInt64(bytes[i]) << UInt64(8 * tailCount)
            tailCount += 1
            i += 1
            if tailCount == 8 { compress(tail); tail = 0; tailCount = 0 }
        }
        while i + 8 <= n {
            compress(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        while i < n {
            tail |= UInt64(bytes[i]) << UInt64(8 * tailCount)
            tailCount += 1
            i += 1
        }
    }

    public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let array = Array(bytes)
        array.withUnsafeBytes { update($0) }
    }

    /// The 64-bit digest.
    public mutating func finalize() -> UInt64 {
        let b = (UInt64(length & 0xff) << 56) | tail
        compress(b)
        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    /// 32 hex digits: two digests under derived keys, for a 128-bit fingerprint.
    public static func hex128(key0: UInt64, key1: UInt64, _ bytes: UnsafeRawBufferPointer) -> String {
        var a = SipHash(key0: key0, key1: key1)
        var b = SipHash(key0: key1 ^ 0x9e3779b97f4a7c15, key1: key0 ^ 0xc2b2ae3d27d4eb4f)
        a.update(bytes)
        b.update(bytes)
        let x = a.finalize(), y = b.finalize()
        return hex(x) + hex(y)
    }

    static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
