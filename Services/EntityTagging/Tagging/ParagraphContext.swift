import ArabicText
import ArticleModel

/// What the recognizers read of one paragraph: its words and the gazetteer phrases at each.
struct ParagraphContext: Sendable {
    let index: Int
    let analysis: ParagraphAnalysis
    let lexicon: TaggingLexicon
    /// Whether the tagged text writes ى anywhere (see ``TaggingLexicon/isFunctionWord(_:distinguishesAlefMaqsura:)``).
    let distinguishesAlefMaqsura: Bool
    /// The gazetteer phrases starting at each word.
    let matches: [[PhraseMatch]]

    init(index: Int, analysis: ParagraphAnalysis, lexicon: TaggingLexicon, distinguishesAlefMaqsura: Bool) {
        self.index = index
        self.analysis = analysis
        self.lexicon = lexicon
        self.distinguishesAlefMaqsura = distinguishesAlefMaqsura
        self.matches = analysis.words.indices.map { lexicon.matches(at: $0, in: analysis.words) }
    }

    var words: [TaggedWord] { analysis.words }

    /// The longest phrase of one of `kinds` starting at `position`; among equals, the one
    /// that splits off the fewest proclitics.
    func longestMatch(at position: Int, _ kinds: LexiconKinds) -> PhraseMatch? {
        guard words.indices.contains(position) else { return nil }
        // Indices, not copies: the recognizers ask at every word, and a match holds a reading.
        let phrases = matches[position]
        var best: Int?
        for index in phrases.indices where kinds.contains(phrases[index].kind) {
            if let current = best, phrases[current].words.count >= phrases[index].words.count { continue }
            best = index
        }
        return best.map { phrases[$0] }
    }

    /// Every phrase of one of `kinds` starting at `position`.
    func allMatches(at position: Int, _ kinds: LexiconKinds) -> [PhraseMatch] {
        guard words.indices.contains(position) else { return [] }
        return matches[position].filter { kinds.contains($0.kind) }
    }

    /// Whether the word at `position` is a country whose name is also the feminine of its nationality (السعودية),
    /// written whole after a definite noun that ends in ة or ات: there it describes the noun ("الحكومة السعودية",
    /// "القوات السعودية"); a masculine noun would take the masculine ("الوفد السعودي").
    func isCountryAsAdjective(at position: Int) -> Bool {
        guard position > 0, words.indices.contains(position) else { return false }
        let (word, previous) = (words[position], words[position - 1])
        guard previous.key.hasSuffix("\u{0647}") || previous.key.hasSuffix("\u{0627}\u{062A}"),
            previous.startsWithArticle
        else { return false }
        let whole = position..<(position + 1)
        let readWhole = { (match: PhraseMatch) in match.words == whole && match.reading.base == word.key }
        return allMatches(at: position, [.nationality]).contains(where: readWhole)
            && allMatches(at: position, [.location]).contains(where: readWhole)
    }

    func isFunctionWord(at position: Int) -> Bool {
        words.indices.contains(position)
            && lexicon.isFunctionWord(words[position], distinguishesAlefMaqsura: distinguishesAlefMaqsura)
    }

    /// Whether the word at `position` is one of the punctuation marks in `set`.
    func isPunctuation(at position: Int, in set: Set<String>) -> Bool {
        words.indices.contains(position) && words[position].kind == .punctuation && set.contains(words[position].key)
    }

    /// A mention over `words`, starting where `reading` says a mention of the first word does (its base, with the
    /// ل of a contracted article).
    func candidate(
        _ type: EntityType,
        words range: Range<Int>,
        reading: TaggedWord.Reading,
        origin: MentionCandidate.Origin,
        entry: Int? = nil,
        value: String? = nil
    ) -> MentionCandidate {
        let first = words[range.lowerBound]
        let lower = first.token.normalizedRange.lowerBound + reading.segmentation.mentionOffset
        let upper = words[range.upperBound - 1].token.normalizedRange.upperBound
        let nameKey = [reading.stem] + range.dropFirst().map { words[$0].nameKey }
        return MentionCandidate(
            type: type,
            paragraph: index,
            words: range,
            normalizedRange: lower..<upper,
            nameKey: nameKey,
            entry: entry,
            value: value,
            origin: origin,
            startsWithContractedArticle: reading.segmentation.article == .contracted
        )
    }
}
