/// How other annotated corpora (WikiFANE, AQMAR) tag each word: a prior for the many names the
/// training corpus never shows (half the person-name tokens of ANERcorp's test set are not
/// tagged as persons anywhere in its training set).
///
/// Words are keyed like the `stem` feature: the matching key without the proclitics the
/// tokenizer splits off, hashed to 32 bits.
struct EntityWordPrior: Sendable, Equatable {
    /// For each word, ``code(tag:count:entityShare:)`` of its most frequent entity tag.
    let codes: [UInt32: UInt8]

    static let empty = EntityWordPrior(codes: [:])

    init(codes: [UInt32: UInt8]) {
        self.codes = codes
    }

    /// Counts the tags of every word of `sentences`; words tagged as entities in at least
    /// `minimumShare` of their occurrences get a code.
    init(sentences: [LabeledSentence], extractor: NERFeatureExtractor, minimumShare: Double = 0.3) {
        var counts: [UInt32: [Int]] = [:]
        for sentence in sentences {
            for (token, tag) in zip(extractor.describe(sentence.tokens), sentence.tags) {
                counts[Self.key(token.stem), default: Array(repeating: 0, count: BIOTag.count)][tag.index] += 1
            }
        }
        var codes: [UInt32: UInt8] = [:]
        for (key, tagCounts) in counts {
            let total = tagCounts.reduce(0, +)
            let share = Double(total - tagCounts[0]) / Double(total)
            guard share >= minimumShare, let best = (1..<BIOTag.count).max(by: { tagCounts[$0] < tagCounts[$1] })
            else { continue }
            codes[key] = Self.code(tag: best, count: total, entityShare: share)
        }
        self.codes = codes
    }

    /// The code of a word's stem hash, if the word is in the prior.
    func code(ofStem stem: UInt64) -> UInt8? {
        codes[Self.key(stem)]
    }

    static func key(_ stem: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: stem ^ (stem >> 32))
    }

    /// The tag index in the low four bits; above them how sure: 0 when seen once, then 1, 2, 3
    /// for an entity share below 0.6, below 0.9, and above.
    static func code(tag: Int, count: Int, entityShare: Double) -> UInt8 {
        let certainty: UInt8 = count < 2 ? 0 : entityShare < 0.6 ? 1 : entityShare < 0.9 ? 2 : 3
        return UInt8(tag) | certainty << 4
    }
}
