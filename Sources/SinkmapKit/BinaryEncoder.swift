import Foundation

/// A compact binary form of `Codable` values, for the facts cache: a warm re-scan decodes every unit's facts,
/// and JSON spent most of that time parsing text and looking keys up.
///
/// The layout follows the encoding calls: fields in the order `encode(to:)` writes them (each preceded by a
/// one-byte tag of its key, checked on decoding), integers as variable-length integers, strings once per value
/// and then by index, arrays with their count. It is read back only by `BinaryDecoder` with the same types:
/// anything unexpected — a key tag that does not match, data too short — is an error, never a wrong value, so
/// the cache treats the entry as missing. Dictionaries (keys in no fixed order) and nils outside keyed
/// containers are not supported and fail to encode.
public struct BinaryEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        let writer = Writer()
        try value.encode(to: BinaryEncoding(writer))
        if let problem = writer.problem { throw BinaryCodingError.unsupported(problem) }
        return Data(writer.bytes)
    }

    /// FNV-1a of a key's name folded to one byte: catches fields read in another order than written.
    static func tag(_ key: CodingKey) -> UInt8 {
        var h: UInt32 = 2_166_136_261
        for b in key.stringValue.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return UInt8(truncatingIfNeeded: h ^ (h >> 8) ^ (h >> 16) ^ (h >> 24))
    }

    final class Writer {
        var bytes: [UInt8] = []
        private var strings: [String: Int] = [:]
        /// Something a non-throwing requirement could not report (a dictionary's keyed container).
        var problem: String?
        private var listsKeys: [ObjectIdentifier: Bool] = [:]

        /// Dictionaries encode their entries as fields named by their keys, in hash order: not positional.
        func checkKeys<Key: CodingKey>(_ type: Key.Type) {
            let id = ObjectIdentifier(type)
            let dictionary = listsKeys[id] ?? String(reflecting: type).contains("DictionaryCodingKey")
            listsKeys[id] = dictionary
            if dictionary { problem = problem ?? "a dictionary" }
        }

        func byte(_ b: UInt8) { bytes.append(b) }

        func unsigned(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        func signed(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

        func fixed32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

        func fixed64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

        /// A string seen before is its index; a new one is the next index followed by its UTF-8 bytes.
        func string(_ s: String) {
            if let i = strings[s] { unsigned(UInt64(i)); return }
            let i = strings.count
            strings[s] = i
            unsigned(UInt64(i))
            var copy = s
            copy.withUTF8 { utf8 in
                unsigned(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }
    }
}

enum BinaryCodingError: Error {
    case unsupported(String)
}

/// The `Encoder` handed to `encode(to:)`; every container writes into the same `Writer`.
private struct BinaryEncoding: Encoder {
    let writer: BinaryEncoder.Writer
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(_ writer: BinaryEncoder.Writer) { self.writer = writer }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        writer.checkKeys(type)
        return KeyedEncodingContainer(KeyedWriter<Key>(writer: writer))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedWriter(writer) }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleWriter(writer: writer) }
}

/// Primitive values, shared by the three container kinds.
private protocol PrimitiveWriter {
    var writer: BinaryEncoder.Writer { get }
}

extension PrimitiveWriter {
    func put(_ v: Bool) { writer.byte(v ? 1 : 0) }
    func put(_ v: String) { writer.string(v) }
    func put(_ v: Double) { writer.fixed64(v.bitPattern) }
    func put(_ v: Float) { writer.fixed32(v.bitPattern) }
    func put<I: FixedWidthInteger & SignedInteger>(_ v: I) { writer.signed(Int64(v)) }
    func put<I: FixedWidthInteger & UnsignedInteger>(_ v: I) { writer.unsigned(UInt64(v)) }
    func put<T: Encodable>(_ v: T) throws { try v.encode(to: BinaryEncoding(writer)) }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol, PrimitiveWriter {
    let writer: BinaryEncoder.Writer
    var codingPath: [CodingKey] = []

    private func tag(_ key: Key) { writer.byte(BinaryEncoder.tag(key)) }

    mutating func encodeNil(forKey key: Key) throws { tag(key); writer.byte(0) }
    mutating func encode(_ v: Bool, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: String, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: Double, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: Float, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: Int, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: Int8, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: Int16, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: Int32, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: Int64, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: UInt, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: UInt8, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: UInt16, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: UInt32, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode(_ v: UInt64, forKey key: Key) throws { tag(key); put(v) }
    mutating func encode<T: Encodable>(_ v: T, forKey key: Key) throws { tag(key); try put(v) }

    // Optionals: the key tag, then 0 (nil) or 1 and the value — read back by `decodeNil(forKey:)` + `decode`.
    private func optional<T: Encodable>(_ v: T?, _ key: Key, _ write: (T) throws -> Void) rethrows {
        tag(key)
        guard let v else { writer.byte(0); return }
        writer.byte(1)
        try write(v)
    }
    mutating func encodeIfPresent(_ v: Bool?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: String?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: Double?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: Float?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: Int?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: Int8?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: Int16?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: Int32?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: Int64?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: UInt?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: UInt8?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: UInt16?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: UInt32?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent(_ v: UInt64?, forKey key: Key) throws { optional(v, key) { put($0) } }
    mutating func encodeIfPresent<T: Encodable>(_ v: T?, forKey key: Key) throws { try optional(v, key) { try put($0) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        tag(key)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        tag(key)
        return UnkeyedWriter(writer)
    }

    mutating func superEncoder() -> Encoder { BinaryEncoding(writer) }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        tag(key)
        return BinaryEncoding(writer)
    }
}

/// Elements follow a four-byte count, patched after each element (the count is not known up front).
private struct UnkeyedWriter: UnkeyedEncodingContainer, PrimitiveWriter {
    let writer: BinaryEncoder.Writer
    var codingPath: [CodingKey] = []
    private(set) var count = 0
    private let countAt: Int

    init(_ writer: BinaryEncoder.Writer) {
        self.writer = writer
        countAt = writer.bytes.count
        writer.fixed32(0)
    }

    private mutating func counted() {
        count += 1
        withUnsafeBytes(of: UInt32(count).littleEndian) { raw in
            for i in 0..<4 { writer.bytes[countAt + i] = raw[i] }
        }
    }

    mutating func encodeNil() throws { throw BinaryCodingError.unsupported("nil in an unkeyed container") }
    mutating func encode(_ v: Bool) throws { counted(); put(v) }
    mutating func encode(_ v: String) throws { counted(); put(v) }
    mutating func encode(_ v: Double) throws { counted(); put(v) }
    mutating func encode(_ v: Float) throws { counted(); put(v) }
    mutating func encode(_ v: Int) throws { counted(); put(v) }
    mutating func encode(_ v: Int8) throws { counted(); put(v) }
    mutating func encode(_ v: Int16) throws { counted(); put(v) }
    mutating func encode(_ v: Int32) throws { counted(); put(v) }
    mutating func encode(_ v: Int64) throws { counted(); put(v) }
    mutating func encode(_ v: UInt) throws { counted(); put(v) }
    mutating func encode(_ v: UInt8) throws { counted(); put(v) }
    mutating func encode(_ v: UInt16) throws { counted(); put(v) }
    mutating func encode(_ v: UInt32) throws { counted(); put(v) }
    mutating func encode(_ v: UInt64) throws { counted(); put(v) }
    mutating func encode<T: Encodable>(_ v: T) throws { counted(); try put(v) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(writer: writer))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        counted()
        return UnkeyedWriter(writer)
    }

    mutating func superEncoder() -> Encoder {
        counted()
        return BinaryEncoding(writer)
    }
}

private struct SingleWriter: SingleValueEncodingContainer, PrimitiveWriter {
    let writer: BinaryEncoder.Writer
    var codingPath: [CodingKey] = []

    mutating func encodeNil() throws { throw BinaryCodingError.unsupported("a nil single value") }
    mutating func encode(_ v: Bool) throws { put(v) }
    mutating func encode(_ v: String) throws { put(v) }
    mutating func encode(_ v: Double) throws { put(v) }
    mutating func encode(_ v: Float) throws { put(v) }
    mutating func encode(_ v: Int) throws { put(v) }
    mutating func encode(_ v: Int8) throws { put(v) }
    mutating func encode(_ v: Int16) throws { put(v) }
    mutating func encode(_ v: Int32) throws { put(v) }
    mutating func encode(_ v: Int64) throws { put(v) }
    mutating func encode(_ v: UInt) throws { put(v) }
    mutating func encode(_ v: UInt8) throws { put(v) }
    mutating func encode(_ v: UInt16) throws { put(v) }
    mutating func encode(_ v: UInt32) throws { put(v) }
    mutating func encode(_ v: UInt64) throws { put(v) }
    mutating func encode<T: Encodable>(_ v: T) throws { try put(v) }
}
