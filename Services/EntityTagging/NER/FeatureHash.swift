internal import ArabicText
internal import SeededRandom

/// Stable feature ids: FNV-1a over Unicode scalar values, mixed with a template number.
///
/// The ids end up in the model file, so they must not change between runs or platforms (as
/// `Hasher` does). 32 bits keep the file small; the few collisions among a million features
/// cost a perceptron nothing measurable.
package enum FeatureHash {
    /// The hash of a sequence of scalars, with no String built.
    package static func of(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        FNV1a(scalars: scalars).value
    }

    /// The id of a feature: a template applied to a value (a hash or a small code).
    static func feature(_ template: FeatureTemplate, _ value: UInt64) -> UInt32 {
        finalize(UInt64(template.rawValue) &* 0x9e37_79b9_7f4a_7c15 ^ value)
    }

    /// The id of a feature that joins two values, as a word with its neighbour.
    static func feature(_ template: FeatureTemplate, _ first: UInt64, _ second: UInt64) -> UInt32 {
        finalize((UInt64(template.rawValue) &* 0x9e37_79b9_7f4a_7c15 ^ first) &* 0xff51_afd7_ed55_8ccd ^ second)
    }

    /// The SplitMix64 output function, folded to 32 bits, so that nearby inputs spread apart.
    private static func finalize(_ input: UInt64) -> UInt32 {
        let value = SplitMix64.mix(input)
        return UInt32(truncatingIfNeeded: value ^ (value >> 32))
    }
}
