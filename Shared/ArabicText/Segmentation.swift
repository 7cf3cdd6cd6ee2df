/// How a word splits into proclitics and stem: conjunction (و ف), preposition (ب ك ل) and the
/// definite article (ال), in that order, as in وبالمغرب = و + ب + ال + مغرب.
public struct Segmentation: Sendable, Hashable {
    /// How the definite article appears.
    public enum Article: Sendable, Hashable {
        case none
        /// Written out: المغرب, بالرباط.
        case written
        /// Merged with the preposition ل, whose alef is dropped: للأمن = ل + ال + أمن.
        case contracted
    }

    /// و or ف, when present.
    public let conjunction: Unicode.Scalar?
    /// ب, ك or ل, when present.
    public let preposition: Unicode.Scalar?
    public let article: Article
    /// Scalar offset within the word where the base starts: the written article, else the stem.
    public let baseOffset: Int
    /// Scalar offset within the word where the stem starts.
    public let stemOffset: Int
    /// Scalar offset within the word where a mention of it starts: the base, except that a contracted article
    /// keeps its ل (للأمم → لأمم: the first ل is the preposition, the second the article's).
    public let mentionOffset: Int

    /// The word as a whole, with no proclitics split off.
    public static var unsegmented: Segmentation {
        Segmentation(
            conjunction: nil,
            preposition: nil,
            article: .none,
            baseOffset: 0,
            stemOffset: 0
        )
    }

    public init(
        conjunction: Unicode.Scalar?, preposition: Unicode.Scalar?, article: Article, baseOffset: Int, stemOffset: Int,
        mentionOffset: Int? = nil
    ) {
        self.conjunction = conjunction
        self.preposition = preposition
        self.article = article
        self.baseOffset = baseOffset
        self.stemOffset = stemOffset
        self.mentionOffset = mentionOffset ?? baseOffset
    }

    /// Whether anything was split off.
    public var hasProclitics: Bool { stemOffset > 0 }

    /// Whether the word carries the definite article, written or contracted.
    public var isDefinite: Bool { article != .none }

    /// Whether a conjunction or preposition precedes the base.
    public var hasConjunctionOrPreposition: Bool { conjunction != nil || preposition != nil }
}
