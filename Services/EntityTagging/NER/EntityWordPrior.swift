/// How other annotated corpora (WikiFANE, AQMAR) tag each word: a prior for the many names the
/// training corpus never shows (half the person-name tokens of ANERcorp's test set are not
/// tagged as persons anywhere in its training set).
///
/// Words are keyed like the `stem` feature: the matching key without the proclitics the
/// tokenizer splits off, hashed to 32 bits.
package struct EntityWordPrior: Sendable, Equatable {
    /// For each word, ``code(tag:count:entityShare:)`` of its most frequent entity tag.
    let codes: [UInt32: UInt8]

    package static let empty = EntityWordPrior(codes: [:])

    package init(codes: [UInt32: UInt8]) {
        self.codes = codes
    }

    /// The code of a word's stem hash, if the word is in the prior.
    func code(ofStem stem: UInt64) -> UInt8? {
        codes[Self.key(stem)]
    }

    package static func key(_ stem: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: stem ^ (stem >> 32))
    }

    /// The tag index in the low four bits; above them how sure: 0 when seen once, then 1, 2, 3
    /// for an entity share below 0.6, below 0.9, and above.
    package static func code(tag: Int, count: Int, entityShare: Double) -> UInt8 {
        let certainty: UInt8 = count < 2 ? 0 : entityShare < 0.6 ? 1 : entityShare < 0.9 ? 2 : 3
        return UInt8(tag) | certainty << 4
    }
}
