internal import ArabicText

/// What the feature templates hash of one key (a word, a stem), from one pass over its scalars:
/// FNV-1a hashes a prefix on the way to the whole, and the last three scalars are kept on the
/// way for the suffixes, so nothing is copied out and the key is not walked again.
struct KeyHashes {
    /// ``FeatureHash/of(_:)`` of the whole key.
    let whole: UInt64
    /// The key's length in scalars.
    let length: Int
    /// The hashes of its first one, two and three scalars, as far as the key reaches.
    let prefixes: AffixHashes
    /// The last three scalars, the last one in `.2`.
    private let tail: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar)

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        var hash = FNV1a()
        var length = 0
        var prefixes = AffixHashes()
        var tail: (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar) = ("\0", "\0", "\0")
        for scalar in scalars {
            hash.combine(scalar: scalar)
            length += 1
            if length <= 3 { prefixes.append(hash.value) }
            tail = (tail.1, tail.2, scalar)
        }
        whole = hash.value
        self.length = length
        self.prefixes = prefixes
        self.tail = tail
    }

    /// The hashes of the key's last one, two and three scalars, 0 for those longer than the key.
    var suffixes: AffixHashes {
        var suffixes = AffixHashes()
        for count in 1...3 { suffixes.append(length >= count ? suffixHash(count) : 0) }
        return suffixes
    }

    /// ``FeatureHash/of(_:)`` of the last `count` (1...3) scalars.
    private func suffixHash(_ count: Int) -> UInt64 {
        var hash = FNV1a()
        if count >= 3 { hash.combine(scalar: tail.0) }
        if count >= 2 { hash.combine(scalar: tail.1) }
        hash.combine(scalar: tail.2)
        return hash.value
    }
}
