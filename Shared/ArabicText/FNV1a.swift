/// The 64-bit FNV-1a hash: small, fast and stable across runs and platforms (unlike `Hasher`).
/// Used to name versions of data files and to compare words without building strings.
public struct FNV1a: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(byte: UInt64(byte)) }
    }

    /// Mixes in a whole scalar value; words hashed this way are compared only with each other.
    @inline(__always)
    public mutating func combine(scalar: Unicode.Scalar) {
        combine(byte: UInt64(scalar.value))
    }

    /// Mixes in a 64-bit value as one unit, such as the hash of a word in a sequence of words.
    @inline(__always)
    public mutating func combine(value: UInt64) {
        combine(byte: value)
    }

    /// The hash as 16 lowercase hexadecimal digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @inline(__always)
    private mutating func combine(byte: UInt64) {
        value ^= byte
        value &*= 0x0000_0100_0000_01b3
    }
}
