import ArabicText
import ArticleModel

/// Finds national teams: "المنتخب التونسي", "منتخب السنغال", "المنتخب الوطني المغربي لكرة القدم".
///
/// A team head (منتخب) with its country or the country's adjective after it, and what names
/// the team's sport or age after that, is one organization: the country inside it is no place.
/// "المنتخب الوطني" alone names no country and gives nothing.
enum TeamRecognizer {
    /// Words between the head and the country.
    private static let qualifiers: Set<String> = ["الوطني", "الاول", "الاولمبي", "الرديف"]
    /// Words after the country that belong to the team's name, as matching keys.
    private static let complements: Set<String> = [
        "للشباب", "للسيدات", "للناشئين", "للرجال", "للمحليين", "الاولمبي", "الرديف", "الاول",
    ]
    /// Genitives that name the sport: "لكرة القدم", "لكرة السلة".
    private static let sportWords: Set<String> = ["لكره"]

    static func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        context.words.indices.compactMap { team(at: $0, in: context) }
    }

    private static func team(at start: Int, in context: ParagraphContext) -> MentionCandidate? {
        guard let head = context.longestMatch(at: start, [.teamHead]) else { return nil }
        let words = context.words
        var end = head.words.upperBound
        while end < words.count, qualifiers.contains(words[end].key) { end += 1 }
        guard let country = context.longestMatch(at: end, [.location, .nationality]),
            !country.reading.segmentation.hasConjunctionOrPreposition
        else { return nil }
        end = country.words.upperBound
        while end < words.count {
            if complements.contains(words[end].key) {
                end += 1
            } else if sportWords.contains(words[end].key), end + 1 < words.count, words[end + 1].kind == .word {
                end += 2
            } else {
                break
            }
        }
        return context.candidate(.organization, words: start..<end, reading: head.reading, origin: .rule)
    }
}
