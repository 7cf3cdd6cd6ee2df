internal import ArabicText

/// A token of a paragraph with the forms the recognizers compare.
struct TaggedWord: Sendable {
    /// A way to read the word's proclitics, with the base it leaves.
    struct Reading: Sendable {
        let segmentation: Segmentation
        /// The matching key of the base: the word without و ف ب ك ل, with ال when definite.
        let base: String
        /// `base` with ى kept apart from ي, for function words (على is not علي).
        let plainBase: String
        /// The FNV-1a hash of `base`'s scalars, for the phrase index.
        let baseHash: UInt64
        /// The hashes of ``stem`` (whole, prefixes, suffixes), made from the scalars while they are at hand: the
        /// trained tagger's features and surname coreference read them for every word.
        let stemHashes: KeyHashes

        /// The base without a leading article: the part of a name compared across mentions,
        /// equal for حموشي, الحموشي and للحموشي.
        var stem: String { TaggedWord.withoutArticle(base) }

        /// The scalars of ``stem``, without building it.
        var stemScalars: Substring.UnicodeScalarView { TaggedWord.scalarsWithoutArticle(base) }
    }

    let token: Token
    /// The token's matching key.
    let key: String
    /// The hashes of `key`'s scalars (see ``KeyHashes``).
    let keyHashes: KeyHashes
    /// Readings from the whole word to the most proclitics split off; one for non-words.
    let readings: [Reading]
    /// Whether a Latin token starts with a capital followed by lowercase letters, as names do.
    let isCapitalizedLatin: Bool
    /// Whether a Latin token is an acronym in capitals, as FSB.
    let isAcronym: Bool

    var kind: Token.Kind { token.kind }

    /// The FNV-1a hash of `key`'s scalars, for the phrase index.
    var keyHash: UInt64 { keyHashes.whole }

    /// Whether the tokenizer split off a conjunction or preposition (وحموشي, لفيينا).
    var hasConjunctionOrPreposition: Bool { token.segmentation.hasConjunctionOrPreposition }

    /// Whether some reading of the word carries the article (الأمن, للأمن, والمغرب).
    var isDefinite: Bool { readings.contains { $0.segmentation.isDefinite } }

    /// Whether the word may begin with the conjunction و or ف (وفد, فأمر), read either way.
    var mayStartWithConjunction: Bool { readings.contains { $0.segmentation.conjunction != nil } }

    /// Whether the word itself starts with the article, with nothing before it.
    var startsWithArticle: Bool { key != Self.withoutArticle(key) }

    /// The word's part of a name key.
    var nameKey: String { Self.withoutArticle(key) }

    /// The number of letters and marks in the word.
    var length: Int { token.normalizedRange.count }

    /// `key` without a leading ال when at least two letters remain.
    static func withoutArticle(_ key: String) -> String {
        let stem = scalarsWithoutArticle(key)
        return stem.startIndex == key.unicodeScalars.startIndex ? key : String(stem)
    }

    /// The scalars of ``withoutArticle(_:)``.
    static func scalarsWithoutArticle(_ key: String) -> Substring.UnicodeScalarView {
        withoutArticle(scalars: key.unicodeScalars)
    }

    /// ``withoutArticle(_:)`` on scalars.
    @inline(__always)
    static func withoutArticle<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars) -> Scalars.SubSequence {
        DefiniteArticle.strip(from: scalars)
    }
}
