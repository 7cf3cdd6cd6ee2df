/// The 64-bit FNV-1a hash: small, fast and stable across runs and platforms (unlike `Hasher`).
/// Used to name versions of data files and to compare words without building strings.
///
/// Inlinable, because other modules hash every token with it.
public struct FNV1a: Sendable, Hashable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    @inlinable public init() {}

    /// The hash of a sequence of scalars, each mixed in whole (see ``combine(scalar:)``).
    @inlinable public init(scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars { combine(scalar: scalar) }
    }

    @inlinable public var value: UInt64 { state }

    @inlinable public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(byte: UInt64(byte)) }
    }

    /// Mixes in a whole scalar value; words hashed this way are compared only with each other.
    @inlinable public mutating func combine(scalar: Unicode.Scalar) {
        combine(byte: UInt64(scalar.value))
    }

    /// Mixes in a 64-bit value as one unit, such as the hash of a word in a sequence of words.
    @inlinable public mutating func combine(value: UInt64) {
        combine(byte: value)
    }

    /// The hash as 16 lowercase hexadecimal digits.
    public var hex: String { Self.hex(value) }

    /// A 64-bit hash or checksum as 16 lowercase hexadecimal digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @inlinable mutating func combine(byte: UInt64) {
        state ^= byte
        state &*= 0x0000_0100_0000_01b3
    }
}
