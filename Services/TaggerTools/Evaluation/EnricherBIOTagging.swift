internal import ArticleModel
public import EntityTagging

/// Runs the whole enricher (gazetteers, rules and the trained tagger) over tokenized sentences
/// and gives its entities back as BIO tags, so it is scored on CoNLL corpora like the trained
/// tagger alone.
///
/// Sentences go in groups, as the lines of one text, so that names found once link and
/// propagate as in an article. A token takes the type of the mention that covers it; PERSON,
/// ORGANIZATION and LOCATION map to PER, ORG and LOC; the enricher has no MISC and its dates
/// are not scored.
public struct EnricherBIOTagging: Sendable {
    public let enricher: ArticleEnricher
    /// How many sentences make one text.
    public var sentencesPerText = 25

    public init(enricher: ArticleEnricher) {
        self.enricher = enricher
    }

    /// - Throws: ``ArticleTooLargeError`` when one group of sentences is longer than
    ///   ``ArticleEnricher/maximumScalars``.
    public func tags(for sentences: [[String]]) throws(ArticleTooLargeError) -> [[BIOTag]] {
        var tags: [[BIOTag]] = []
        for start in stride(from: 0, to: sentences.count, by: sentencesPerText) {
            tags += try self.tags(forText: Array(sentences[start..<min(start + sentencesPerText, sentences.count)]))
        }
        return tags
    }

    private func tags(forText sentences: [[String]]) throws(ArticleTooLargeError) -> [[BIOTag]] {
        let written = SentenceText(sentences)
        let ranges = written.ranges
        var tags = sentences.map { [BIOTag](repeating: .outside, count: $0.count) }
        for entity in try enricher.tag(cleanLines: written.text, publishedAt: nil) {
            guard let type = NERType(entity.type) else { continue }
            for mention in entity.mentions {
                mark(mention.start..<mention.end, as: type, in: &tags, ranges: ranges)
            }
        }
        return tags
    }

    /// Tags the tokens that a mention overlaps: B on the first, I on the rest.
    private func mark(_ mention: Range<Int>, as type: NERType, in tags: inout [[BIOTag]], ranges: [[Range<Int>]]) {
        for sentence in ranges.indices {
            let covered = ranges[sentence].indices.filter { ranges[sentence][$0].overlaps(mention) }
            guard let first = covered.first else { continue }
            for token in covered { tags[sentence][token] = token == first ? .begin(type) : .inside(type) }
            return
        }
    }
}
