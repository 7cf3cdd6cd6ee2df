/// Little-endian writing of the numbers a model file holds.
struct ModelByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: some FixedWidthInteger) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func append(_ value: Float) {
        append(value.bitPattern)
    }

    mutating func append(_ raw: [UInt8]) {
        bytes += raw
    }

    /// LEB128: seven bits a byte, small numbers in few bytes.
    mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads what ``ModelByteWriter`` wrote; running past the end is a ``NERModelError/Code/corrupted``
/// file.
struct ModelByteReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read<Value: FixedWidthInteger>(_: Value.Type) throws(NERModelError) -> Value {
        let size = MemoryLayout<Value>.size
        let raw = try read(count: size)
        var value = Value.zero
        for (shift, byte) in raw.enumerated() { value |= Value(byte) << (8 * shift) }
        return value
    }

    mutating func readFloat() throws(NERModelError) -> Float {
        Float(bitPattern: try read(UInt32.self))
    }

    mutating func read(count: Int) throws(NERModelError) -> ArraySlice<UInt8> {
        guard count >= 0, bytes.count - offset >= count else {
            throw NERModelError(.corrupted, "the file ends inside a field at byte \(offset)")
        }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func readVarint() throws(NERModelError) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            let byte = try read(UInt8.self)
            value |= UInt64(byte & 0x7f) << UInt64(shift)
            if byte < 0x80 { return value }
        }
        throw NERModelError(.corrupted, "a number runs over ten bytes at byte \(offset)")
    }
}
