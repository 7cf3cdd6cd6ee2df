/// A token of a normalized text, with its ranges in the normalized and in the source text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Arabic letters with their marks.
        case word
        /// Digits, with inner separators as in 2.5 or 1,000.
        case number
        /// Letters of another script (Latin names, acronyms), possibly with digits.
        case latin
        /// Any other single scalar that is not whitespace.
        case punctuation
    }

    public let kind: Kind
    // Stored in 32-bit offsets and codes (40 bytes, not 112): tokenizing writes one per word,
    // and that memory traffic showed in the benchmark. Texts beyond 4 billion scalars are not
    // supported, as in NormalizedText.
    private let article: Segmentation.Article
    /// The conjunction's and the preposition's scalar values; 0 when there is none.
    private let conjunction: UInt32
    private let preposition: UInt32
    private let baseOffset: UInt16
    private let stemOffset: UInt16
    private let mentionOffset: UInt16
    private let normalizedLower: UInt32
    private let normalizedUpper: UInt32
    private let sourceLower: UInt32
    private let sourceUpper: UInt32
    private let baseLower: UInt32
    private let stemLower: UInt32

    init(kind: Kind, normalizedRange: Range<Int>, segmentation: Segmentation, in text: NormalizedText) {
        self.kind = kind
        article = segmentation.article
        conjunction = segmentation.conjunction?.value ?? 0
        preposition = segmentation.preposition?.value ?? 0
        baseOffset = UInt16(truncatingIfNeeded: segmentation.baseOffset)
        stemOffset = UInt16(truncatingIfNeeded: segmentation.stemOffset)
        mentionOffset = UInt16(truncatingIfNeeded: segmentation.mentionOffset)
        normalizedLower = UInt32(truncatingIfNeeded: normalizedRange.lowerBound)
        normalizedUpper = UInt32(truncatingIfNeeded: normalizedRange.upperBound)
        let range = text.sourceRange(for: normalizedRange)
        sourceLower = UInt32(truncatingIfNeeded: range.lowerBound)
        sourceUpper = UInt32(truncatingIfNeeded: range.upperBound)
        let base = normalizedRange.lowerBound + segmentation.baseOffset
        let stem = normalizedRange.lowerBound + segmentation.stemOffset
        baseLower = UInt32(truncatingIfNeeded: text.sourceRange(at: base).lowerBound)
        stemLower = UInt32(truncatingIfNeeded: text.sourceRange(at: stem).lowerBound)
    }

    /// The scalars of the token in the normalized text.
    public var normalizedRange: Range<Int> { Int(normalizedLower)..<Int(normalizedUpper) }

    /// The proclitic split chosen by the tokenizer; `.unsegmented` for all but words.
    public var segmentation: Segmentation {
        Segmentation(
            conjunction: conjunction == 0 ? nil : Unicode.Scalar(conjunction),
            preposition: preposition == 0 ? nil : Unicode.Scalar(preposition),
            article: article,
            baseOffset: Int(baseOffset),
            stemOffset: Int(stemOffset),
            mentionOffset: Int(mentionOffset)
        )
    }

    /// The whole token in source scalar offsets.
    public var range: Range<Int> { Int(sourceLower)..<Int(sourceUpper) }

    /// The token without conjunction and preposition, keeping a written article, in source offsets.
    public var baseRange: Range<Int> { Int(baseLower)..<Int(sourceUpper) }

    /// The token without any proclitic, in source offsets.
    public var stemRange: Range<Int> { Int(stemLower)..<Int(sourceUpper) }
}
