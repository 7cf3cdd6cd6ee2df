internal import ArabicText

/// One paragraph prepared for tagging: its matching key, tokens and their readings.
struct ParagraphAnalysis: Sendable {
    /// Where the paragraph starts in the tagged text, in scalars.
    let sourceOffset: Int
    /// The paragraph's matching key; token ranges count its scalars.
    let text: NormalizedText
    let words: [TaggedWord]

    /// - Parameters:
    ///   - source: the paragraph's scalars, indexed as in the whole tagged text.
    ///   - tokenizer: splits words, with the gazetteers as its lexicon.
    init(source: ArraySlice<Unicode.Scalar>, tokenizer: ArabicTokenizer) {
        let text = ArabicNormalizer().normalize(source, form: .matchingKey)
        self.sourceOffset = source.startIndex
        self.text = text
        let plain = Self.plainScalars(of: text, source: source)
        words = tokenizer.tokenize(text).map { token in
            Self.word(token, text: text, plain: plain, source: source, tokenizer: tokenizer)
        }
    }

    /// The range in the tagged text of a range of the paragraph's matching key.
    func sourceRange(of normalizedRange: Range<Int>) -> Range<Int> {
        let range = text.sourceRange(for: normalizedRange)
        return (range.lowerBound + sourceOffset)..<(range.upperBound + sourceOffset)
    }

    /// The matching key with ى restored where the source has it, so that function words
    /// such as على stay apart from names such as علي.
    static func plainScalars(of text: NormalizedText, source: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        text.scalars.indices.map { index in
            let scalar = text.scalars[index]
            guard scalar == "\u{064A}" else { return scalar }
            let original = source[source.startIndex + text.sourceRange(at: index).lowerBound]
            return original == "\u{0649}" ? original : scalar
        }
    }

    /// The scalars of a reading's base (``TaggedWord/Reading/base``): a slice of the key, with a contracted
    /// article (للأمن) written back in.
    /// - Parameters:
    ///   - range: the word's range in `scalars`.
    ///   - scalars: the paragraph's matching key, or its plain scalars.
    static func base(
        _ segmentation: Segmentation, ofWordAt range: Range<Int>, in scalars: [Unicode.Scalar]
    ) -> ArraySlice<Unicode.Scalar> {
        let base = scalars[(range.lowerBound + segmentation.baseOffset)..<range.upperBound]
        return segmentation.article == .contracted ? (["\u{0627}", "\u{0644}"] + base)[...] : base
    }

    private static func word(
        _ token: Token,
        text: NormalizedText,
        plain: [Unicode.Scalar],
        source: ArraySlice<Unicode.Scalar>,
        tokenizer: ArabicTokenizer
    ) -> TaggedWord {
        let range = token.normalizedRange
        let key = text.scalars[range]
        let segmentations = token.kind == .word ? tokenizer.segmentations(ofWord: key) : [.unsegmented]
        // Most words have no ى: their plain bases are their bases, and need no strings of their own.
        let isPlain = plain[range] == key
        let readings = segmentations.map { segmentation in
            let base = Self.base(segmentation, ofWordAt: range, in: text.scalars)
            let baseString = String(scalars: base)
            return TaggedWord.Reading(
                segmentation: segmentation,
                base: baseString,
                plainBase: isPlain ? baseString : String(scalars: Self.base(segmentation, ofWordAt: range, in: plain)),
                baseHash: FNV1a(scalars: base).value,
                stemHashes: KeyHashes(TaggedWord.withoutArticle(scalars: base))
            )
        }
        let isLatin = token.kind == .latin
        var isCapitalizedLatin = false
        var isAcronym = false
        if isLatin {
            let original = source[
                (source.startIndex + token.range.lowerBound)..<(source.startIndex + token.range.upperBound)]
            let letters = original.filter { $0.properties.isAlphabetic }
            isCapitalizedLatin =
                letters.count >= 2 && letters[letters.startIndex].properties.isUppercase
                && letters.dropFirst().contains { $0.properties.isLowercase }
            isAcronym = (2...8).contains(letters.count) && letters.allSatisfy { $0.properties.isUppercase }
        }
        return TaggedWord(
            token: token,
            key: String(scalars: key),
            keyHashes: KeyHashes(key),
            readings: readings,
            isCapitalizedLatin: isCapitalizedLatin,
            isAcronym: isAcronym
        )
    }
}
