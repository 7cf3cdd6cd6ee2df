/// SplitMix64: a tiny generator whose output depends only on its seed, so that training
/// shuffles, benchmark corpora and random test inputs are the same on every run and platform
/// (the standard library's generator is seeded by the system).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// The generator's output function on its own: spreads nearby inputs far apart, for
    /// hashing.
    public static func mix(_ input: UInt64) -> UInt64 {
        var value = input
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        return value ^ (value >> 31)
    }
}
