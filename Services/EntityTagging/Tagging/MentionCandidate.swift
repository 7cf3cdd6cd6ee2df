import ArabicText
import ArticleModel

/// A possible mention, before overlaps are resolved and mentions are linked into entities.
struct MentionCandidate: Sendable {
    /// What found the mention; on equal length the more reliable origin wins.
    enum Origin: Int, Sendable, Comparable {
        case statistical, coreference, rule, gazetteer, date

        static func < (lhs: Origin, rhs: Origin) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let type: EntityType
    let paragraph: Int
    /// The paragraph words the mention covers.
    let words: Range<Int>
    /// The mention in the paragraph's matching key (proclitics excluded).
    let normalizedRange: Range<Int>
    /// The stems of the mention's words, article removed: equal for حموشي and الحموشي.
    let nameKey: [String]
    /// The gazetteer entry the mention matched, if any.
    let entry: Int?
    /// The normalized value (ISO date or range) of a date.
    let value: String?
    let origin: Origin
    /// Whether the mention starts with the ل of a contracted article (لأمم المتحدة in للأمم المتحدة): its
    /// canonical form writes the article out.
    var startsWithContractedArticle = false

    /// The same mention linked as `other` is: with its name key and gazetteer entry, so both make one entity.
    func linked(as other: MentionCandidate) -> MentionCandidate {
        MentionCandidate(
            type: other.type, paragraph: paragraph, words: words, normalizedRange: normalizedRange,
            nameKey: other.nameKey, entry: other.entry, value: value, origin: origin,
            startsWithContractedArticle: startsWithContractedArticle)
    }

    /// The same mention as an entity of another type: a city that names its club.
    func retyped(_ type: EntityType) -> MentionCandidate {
        MentionCandidate(
            type: type, paragraph: paragraph, words: words, normalizedRange: normalizedRange, nameKey: nameKey,
            entry: nil, value: value, origin: origin, startsWithContractedArticle: startsWithContractedArticle)
    }

    /// One mention over this one and `next`, which follows it at once: two parts of one name.
    func joined(with next: MentionCandidate) -> MentionCandidate {
        MentionCandidate(
            type: type, paragraph: paragraph, words: words.lowerBound..<next.words.upperBound,
            normalizedRange: normalizedRange.lowerBound..<next.normalizedRange.upperBound,
            nameKey: nameKey + next.nameKey, entry: nil, value: value, origin: min(origin, next.origin),
            startsWithContractedArticle: startsWithContractedArticle)
    }

    /// The same mention over its words up to `upper` of `context`, named `nameKey`: a name the mention cut short.
    func extended(to upper: Int, in context: ParagraphContext, nameKey: [String]) -> MentionCandidate {
        MentionCandidate(
            type: type, paragraph: paragraph, words: words.lowerBound..<upper,
            normalizedRange: normalizedRange.lowerBound..<context.words[upper - 1].token.normalizedRange.upperBound,
            nameKey: nameKey, entry: nil, value: value, origin: origin,
            startsWithContractedArticle: startsWithContractedArticle)
    }

    func overlaps(_ other: MentionCandidate) -> Bool {
        paragraph == other.paragraph && normalizedRange.overlaps(other.normalizedRange)
    }
}
