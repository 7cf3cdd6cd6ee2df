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
    /// The scalars of the token in the normalized text.
    public let normalizedRange: Range<Int>
    /// The proclitic split chosen by the tokenizer; `.unsegmented` for all but words.
    public let segmentation: Segmentation
    /// The whole token in source scalar offsets.
    public let range: Range<Int>
    /// The token without conjunction and preposition, keeping a written article, in source offsets.
    public let baseRange: Range<Int>
    /// The token without any proclitic, in source offsets.
    public let stemRange: Range<Int>

    init(kind: Kind, normalizedRange: Range<Int>, segmentation: Segmentation, in text: NormalizedText) {
        self.kind = kind
        self.normalizedRange = normalizedRange
        self.segmentation = segmentation
        self.range = text.sourceRange(for: normalizedRange)
        let base = normalizedRange.lowerBound + segmentation.baseOffset
        let stem = normalizedRange.lowerBound + segmentation.stemOffset
        self.baseRange = text.sourceRange(at: base).lowerBound..<range.upperBound
        self.stemRange = text.sourceRange(at: stem).lowerBound..<range.upperBound
    }
}
