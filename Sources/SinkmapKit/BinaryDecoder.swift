import Foundation

/// Reads what `BinaryEncoder` wrote, into the same types. Any mismatch throws; nothing out of bounds is read.
public struct BinaryDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let reader = Reader(Array(data))
        let value = try T(from: BinaryDecoding(reader))
        if let problem = reader.problem { throw Self.corrupted(problem) }
        guard reader.offset == reader.bytes.count else { throw Self.corrupted("bytes left over") }
        return value
    }

    static func corrupted(_ what: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "binary facts: \(what)"))
    }

    final class Reader {
        let bytes: [UInt8]
        var offset = 0
        private var strings: [String] = []
        /// A problem a non-throwing requirement (`allKeys`) could not report.
        var problem: String?

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw BinaryDecoder.corrupted("truncated") }
            offset += 1
            return bytes[offset - 1]
        }

        func unsigned() throws -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw BinaryDecoder.corrupted("integer too long") }
                value |= UInt64(b & 0x7f) << shift
                if b < 0x80 { return value }
                shift += 7
            }
        }

        func signed() throws -> Int64 {
            let z = try unsigned()
            return Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1)))
        }

        func fixed32() throws -> UInt32 {
            guard bytes.count - offset >= 4 else { throw BinaryDecoder.corrupted("truncated") }
            var v: UInt32 = 0
            for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * UInt32(i)) }
            offset += 4
            return v
        }

        func fixed64() throws -> UInt64 {
            UInt64(try fixed32()) | UInt64(try fixed32()) << 32
        }

        func string() throws -> String {
            let i = try unsigned()
            if i < strings.count { return strings[Int(i)] }
            guard i == strings.count else { throw BinaryDecoder.corrupted("string index out of order") }
            let length = try unsigned()
            guard length <= bytes.count - offset else { throw BinaryDecoder.corrupted("truncated string") }
            let s = String(decoding: bytes[offset..<(offset + Int(length))], as: UTF8.self)
            offset += Int(length)
            strings.append(s)
            return s
        }

        func integer<I: FixedWidthInteger & SignedInteger>(_: I.Type) throws -> I {
            guard let v = I(exactly: try signed()) else { throw BinaryDecoder.corrupted("integer out of range") }
            return v
        }

        func integer<I: FixedWidthInteger & UnsignedInteger>(_: I.Type) throws -> I {
            guard let v = I(exactly: try unsigned()) else { throw BinaryDecoder.corrupted("integer out of range") }
            return v
        }

        /// A list of `Int32`, as `UnkeyedReader` reads one: a count, then each element.
        func int32s() throws -> [Int32] {
            let n = Int(try fixed32())
            guard n <= bytes.count - offset else { throw BinaryDecoder.corrupted("count too large") }
            var out: [Int32] = []
            out.reserveCapacity(n)
            for _ in 0..<n { out.append(try integer(Int32.self)) }
            return out
        }

        func bool() throws -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw BinaryDecoder.corrupted("not a Bool")
            }
        }
    }
}

private struct BinaryDecoding: Decoder {
    let reader: BinaryDecoder.Reader
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(_ reader: BinaryDecoder.Reader) { self.reader = reader }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(reader: reader))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer { try UnkeyedReader(reader) }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleReader(reader: reader) }
}

private protocol PrimitiveReader {
    var reader: BinaryDecoder.Reader { get }
}

extension PrimitiveReader {
    func get(_: Bool.Type) throws -> Bool { try reader.bool() }
    func get(_: String.Type) throws -> String { try reader.string() }
    func get(_: Double.Type) throws -> Double { Double(bitPattern: try reader.fixed64()) }
    func get(_: Float.Type) throws -> Float { Float(bitPattern: try reader.fixed32()) }
    func get<I: FixedWidthInteger & SignedInteger>(_ t: I.Type) throws -> I { try reader.integer(t) }
    func get<I: FixedWidthInteger & UnsignedInteger>(_ t: I.Type) throws -> I { try reader.integer(t) }
    func get<T: Decodable>(_: T.Type) throws -> T {
        // A flow's edges: the same bytes as a list of Int32, read without a container per element.
        if T.self == [Int32].self { return try reader.int32s() as! T }
        return try T(from: BinaryDecoding(reader))
    }
}

private final class KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol, PrimitiveReader {
    let reader: BinaryDecoder.Reader
    var codingPath: [CodingKey] = []
    /// Set by `decodeNil(forKey:)` on a present optional: its tag and presence byte are already read.
    private var presentKey: String?

    init(reader: BinaryDecoder.Reader) { self.reader = reader }

    /// The encoder writes only the fields a type encodes, in order, so which keys exist is not known here;
    /// a type that asks (a dictionary) cannot be decoded.
    var allKeys: [Key] {
        reader.problem = reader.problem ?? "a container that lists its keys (a dictionary)"
        return []
    }

    func contains(_ key: Key) -> Bool { true }

    private func tag(_ key: Key) throws {
        if let present = presentKey, present == key.stringValue {
            presentKey = nil
            return
        }
        guard try reader.byte() == BinaryEncoder.tag(key) else {
            throw BinaryDecoder.corrupted("field '\(key.stringValue)' is not where it was written")
        }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try tag(key)
        switch try reader.byte() {
        case 0: return true
        case 1:
            presentKey = key.stringValue
            return false
        default: throw BinaryDecoder.corrupted("bad optional marker")
        }
    }

    func decode(_ t: Bool.Type, forKey key: Key) throws -> Bool { try tag(key); return try get(t) }
    func decode(_ t: String.Type, forKey key: Key) throws -> String { try tag(key); return try get(t) }
    func decode(_ t: Double.Type, forKey key: Key) throws -> Double { try tag(key); return try get(t) }
    func decode(_ t: Float.Type, forKey key: Key) throws -> Float { try tag(key); return try get(t) }
    func decode(_ t: Int.Type, forKey key: Key) throws -> Int { try tag(key); return try get(t) }
    func decode(_ t: Int8.Type, forKey key: Key) throws -> Int8 { try tag(key); return try get(t) }
    func decode(_ t: Int16.Type, forKey key: Key) throws -> Int16 { try tag(key); return try get(t) }
    func decode(_ t: Int32.Type, forKey key: Key) throws -> Int32 { try tag(key); return try get(t) }
    func decode(_ t: Int64.Type, forKey key: Key) throws -> Int64 { try tag(key); return try get(t) }
    func decode(_ t: UInt.Type, forKey key: Key) throws -> UInt { try tag(key); return try get(t) }
    func decode(_ t: UInt8.Type, forKey key: Key) throws -> UInt8 { try tag(key); return try get(t) }
    func decode(_ t: UInt16.Type, forKey key: Key) throws -> UInt16 { try tag(key); return try get(t) }
    func decode(_ t: UInt32.Type, forKey key: Key) throws -> UInt32 { try tag(key); return try get(t) }
    func decode(_ t: UInt64.Type, forKey key: Key) throws -> UInt64 { try tag(key); return try get(t) }
    func decode<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T { try tag(key); return try get(t) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try tag(key)
        return KeyedDecodingContainer(KeyedReader<NestedKey>(reader: reader))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try tag(key)
        return try UnkeyedReader(reader)
    }

    func superDecoder() throws -> Decoder { BinaryDecoding(reader) }

    func superDecoder(forKey key: Key) throws -> Decoder {
        try tag(key)
        return BinaryDecoding(reader)
    }
}

private struct UnkeyedReader: UnkeyedDecodingContainer, PrimitiveReader {
    let reader: BinaryDecoder.Reader
    var codingPath: [CodingKey] = []
    let count: Int?
    private(set) var currentIndex = 0

    init(_ reader: BinaryDecoder.Reader) throws {
        self.reader = reader
        let n = Int(try reader.fixed32())
        // Every element takes at least one byte: a count larger than what is left is damage.
        guard n <= reader.bytes.count - reader.offset else { throw BinaryDecoder.corrupted("count too large") }
        count = n
    }

    var isAtEnd: Bool { currentIndex >= count! }

    private mutating func next() throws {
        guard !isAtEnd else { throw BinaryDecoder.corrupted("read past the end of a list") }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ t: Bool.Type) throws -> Bool { try next(); return try get(t) }
    mutating func decode(_ t: String.Type) throws -> String { try next(); return try get(t) }
    mutating func decode(_ t: Double.Type) throws -> Double { try next(); return try get(t) }
    mutating func decode(_ t: Float.Type) throws -> Float { try next(); return try get(t) }
    mutating func decode(_ t: Int.Type) throws -> Int { try next(); return try get(t) }
    mutating func decode(_ t: Int8.Type) throws -> Int8 { try next(); return try get(t) }
    mutating func decode(_ t: Int16.Type) throws -> Int16 { try next(); return try get(t) }
    mutating func decode(_ t: Int32.Type) throws -> Int32 { try next(); return try get(t) }
    mutating func decode(_ t: Int64.Type) throws -> Int64 { try next(); return try get(t) }
    mutating func decode(_ t: UInt.Type) throws -> UInt { try next(); return try get(t) }
    mutating func decode(_ t: UInt8.Type) throws -> UInt8 { try next(); return try get(t) }
    mutating func decode(_ t: UInt16.Type) throws -> UInt16 { try next(); return try get(t) }
    mutating func decode(_ t: UInt32.Type) throws -> UInt32 { try next(); return try get(t) }
    mutating func decode(_ t: UInt64.Type) throws -> UInt64 { try next(); return try get(t) }
    mutating func decode<T: Decodable>(_ t: T.Type) throws -> T { try next(); return try get(t) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return KeyedDecodingContainer(KeyedReader<NestedKey>(reader: reader))
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next()
        return try UnkeyedReader(reader)
    }

    mutating func superDecoder() throws -> Decoder {
        try next()
        return BinaryDecoding(reader)
    }
}

private struct SingleReader: SingleValueDecodingContainer, PrimitiveReader {
    let reader: BinaryDecoder.Reader
    var codingPath: [CodingKey] = []

    func decodeNil() -> Bool { false }
    func decode(_ t: Bool.Type) throws -> Bool { try get(t) }
    func decode(_ t: String.Type) throws -> String { try get(t) }
    func decode(_ t: Double.Type) throws -> Double { try get(t) }
    func decode(_ t: Float.Type) throws -> Float { try get(t) }
    func decode(_ t: Int.Type) throws -> Int { try get(t) }
    func decode(_ t: Int8.Type) throws -> Int8 { try get(t) }
    func decode(_ t: Int16.Type) throws -> Int16 { try get(t) }
    func decode(_ t: Int32.Type) throws -> Int32 { try get(t) }
    func decode(_ t: Int64.Type) throws -> Int64 { try get(t) }
    func decode(_ t: UInt.Type) throws -> UInt { try get(t) }
    func decode(_ t: UInt8.Type) throws -> UInt8 { try get(t) }
    func decode(_ t: UInt16.Type) throws -> UInt16 { try get(t) }
    func decode(_ t: UInt32.Type) throws -> UInt32 { try get(t) }
    func decode(_ t: UInt64.Type) throws -> UInt64 { try get(t) }
    func decode<T: Decodable>(_ t: T.Type) throws -> T { try get(t) }
}
