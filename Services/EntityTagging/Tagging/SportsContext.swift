import ArabicText
import ArticleModel

/// Places that name teams: in "فاز برشلونة على إشبيلية" or "مدرب مصر", the city or country is the
/// club or national team that plays, an organization.
///
/// A place counts as a team right after a verb of a match result or meeting, after a team word
/// (لاعب, مدرب, جماهير), or after على, مع or أمام a few words after such a verb.
enum SportsContext {
    /// Match verbs as matching keys, past and present.
    private static let matchVerbs: Set<String> = [
        "فاز", "يفوز", "تعادل", "يتعادل", "خسر", "يخسر", "هزم", "يهزم", "تغلب", "يتغلب", "واجه", "يواجه", "التقي",
        "يلتقي", "استضاف", "يستضيف", "اقصي", "يقصي", "اطاح", "يطيح", "تاهل", "يتاهل", "انهزم", "ينهزم",
    ]
    /// Words whose complement is a team: "لاعب برشلونة".
    private static let teamWords: Set<String> = [
        "لاعب", "لاعبو", "لاعبي", "مدرب", "مهاجم", "حارس", "مدافع", "جماهير", "انصار", "قميص",
    ]
    /// Prepositions that bring the other team after a match verb.
    private static let opponentWords: Set<String> = ["علي", "مع", "امام", "ضد"]
    /// How far after the verb the other team may come: "فاز الفريق بهدفين على مصر".
    private static let opponentReach = 5

    /// `mentions` with the places that name teams made organizations.
    static func retyped(_ mentions: [MentionCandidate], in contexts: [ParagraphContext]) -> [MentionCandidate] {
        mentions.map { mention in
            guard mention.type == .location, namesTeam(mention, in: contexts[mention.paragraph]) else { return mention }
            return mention.retyped(.organization)
        }
    }

    private static func namesTeam(_ mention: MentionCandidate, in context: ParagraphContext) -> Bool {
        let start = mention.words.lowerBound
        // A venue is where the match is played ("فاز على ملعب رادس"), not who plays it.
        guard start > 0, context.longestMatch(at: start, [.venueHead]) == nil else { return false }
        let before = context.words[start - 1]
        if isMatchVerb(before) || teamWords.contains(before.nameKey) { return true }
        guard opponentWords.contains(before.key) else { return false }
        let reach = max(0, start - 1 - opponentReach)..<(start - 1)
        return reach.contains { isMatchVerb(context.words[$0]) }
    }

    /// Whether some reading of `word`, its conjunction split off (وفاز), is a match verb.
    private static func isMatchVerb(_ word: TaggedWord) -> Bool {
        word.readings.contains { matchVerbs.contains($0.base) }
    }
}
