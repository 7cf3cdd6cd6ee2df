internal import EntityTagging

extension EntityWordPrior {
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
        self.init(codes: codes)
    }
}
