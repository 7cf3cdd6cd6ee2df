internal import ArabicText
internal import EntityTagging

/// Recognizes sentences that repeat the text of a held-out set, so that a second annotation of
/// the same text (NewsFANE re-annotates ANERcorp, normalized and clitic-segmented) cannot leak
/// dev sentences into training.
///
/// Sentences are compared by the 8-grams of their letters' matching keys, which ignores
/// spacing, clitic splits and alef, yeh and teh marbuta spelling.
public struct TextOverlap: Sendable {
    private static let gramLength = 8
    private let grams: Set<UInt64>

    /// Indexes the text of the held-out sentences.
    public init(_ heldOut: [LabeledSentence]) {
        grams = Set(heldOut.flatMap(Self.grams))
    }

    /// Whether at least half of the sentence's 8-grams occur in the held-out text.
    public func contains(_ sentence: LabeledSentence) -> Bool {
        let own = Self.grams(of: sentence)
        guard !own.isEmpty else { return false }
        return 2 * own.filter(grams.contains).count >= own.count
    }

    /// The hashes of a sentence's letter 8-grams; a shorter sentence is one gram.
    private static func grams(of sentence: LabeledSentence) -> [UInt64] {
        let normalizer = ArabicNormalizer()
        let letters = sentence.tokens.flatMap { normalizer.key($0).unicodeScalars.filter(\.properties.isAlphabetic) }
        guard letters.count > gramLength else { return letters.isEmpty ? [] : [FeatureHash.of(letters)] }
        return (0...(letters.count - gramLength)).map { FeatureHash.of(letters[$0..<($0 + gramLength)]) }
    }
}
