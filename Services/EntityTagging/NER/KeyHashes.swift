internal import ArabicText

/// What the feature templates hash of one key (a word, a stem), from one pass over its scalars:
/// FNV-1a hashes a prefix on the way to the whole, so no prefix is copied out.
struct KeyHashes {
    /// ``FeatureHash/of(_:)`` of the whole key.
    let whole: UInt64
    /// The key's length in scalars.
    let length: Int
    /// The hashes of its first one, two and three scalars, as far as the key reaches.
    let prefixes: AffixHashes

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        var hash = FNV1a()
        var length = 0
        var prefixes = AffixHashes()
        for scalar in scalars {
            hash.combine(scalar: scalar)
            length += 1
            if length <= 3 { prefixes.append(hash.value) }
        }
        whole = hash.value
        self.length = length
        self.prefixes = prefixes
    }

    /// The hashes of a key's last one, two and three scalars, 0 for those longer than the key.
    static func suffixes(of scalars: some BidirectionalCollection<Unicode.Scalar>) -> AffixHashes {
        let tail = scalars.suffix(3)
        let tailLength = tail.count
        var suffixes = AffixHashes()
        for length in 1...3 { suffixes.append(tailLength >= length ? FeatureHash.of(tail.suffix(length)) : 0) }
        return suffixes
    }
}
