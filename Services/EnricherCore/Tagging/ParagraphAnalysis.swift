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

    private static func word(
        _ token: Token,
        text: NormalizedText,
        plain: [Unicode.Scalar],
        source: ArraySlice<Unicode.Scalar>,
        tokenizer: ArabicTokenizer
    ) -> TaggedWord {
        let range = token.normalizedRange
        let segmentations = token.kind == .word ? tokenizer.segmentations(ofWord: text.scalars[range]) : [.unsegmented]
        let readings = segmentations.map { segmentation in
            let baseStart = range.lowerBound + segmentation.baseOffset
            let prefix = segmentation.article == .contracted ? "ال" : ""
            return TaggedWord.Reading(
                segmentation: segmentation,
                base: prefix + string(text.scalars[baseStart..<range.upperBound]),
                plainBase: prefix + string(plain[baseStart..<range.upperBound])
            )
        }
        let original = source[
            (source.startIndex + token.range.lowerBound)..<(source.startIndex + token.range.upperBound)]
        let letters = original.filter { $0.properties.isAlphabetic }
        let isLatin = token.kind == .latin
        return TaggedWord(
            token: token,
            key: string(text.scalars[range]),
            readings: readings,
            isCapitalizedLatin: isLatin && letters.count >= 2 && letters[letters.startIndex].properties.isUppercase
                && letters.dropFirst().contains { $0.properties.isLowercase },
            isAcronym: isLatin && (2...8).contains(letters.count) && letters.allSatisfy { $0.properties.isUppercase }
        )
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(scalars: scalars)
    }
}
