import ArabicText
import ArticleModel

/// Finds venues: a head noun (مطار, ملعب, قصر, مسجد …) and the name of a person, place or organization after it,
/// with the adjectives that belong to such names: "مطار محمد الخامس الدولي", "ملعب القاهرة الدولي", "قصر قرطاج".
/// The whole is one location, so the person or city it is named after is not tagged on its own there.
///
/// A head with the article (المطار) is a plain noun, and a head followed by anything but a name gives nothing: a word
/// the dictionary knows is read as a name only when a list or a rule has it ("قصر العدالة" only when العدالة is one).
enum VenueRecognizer {
    /// Adjectives that end a venue's name: "الدولي" of an airport, "الكبير" of a mosque.
    private static let adjectives: Set<String> = [
        "الدولي", "الدوليه", "الكبير", "الكبري", "الملكي", "الملكيه", "الوطني", "الاولمبي", "البلدي", "الشريف",
        "الجديد", "القديم", "الرئاسي", "الجامعي", "العسكري", "المركزي",
    ]

    /// `mentions` with the venues named after them, or after names the rules read after a head, in their place.
    static func withVenues(_ mentions: [MentionCandidate], in contexts: [ParagraphContext]) -> [MentionCandidate] {
        var named: [[Int: MentionCandidate]] = Array(repeating: [:], count: contexts.count)
        for mention in mentions where mention.type != .date {
            named[mention.paragraph][mention.words.lowerBound] = mention
        }
        let venues = contexts.flatMap { context in
            context.words.indices.compactMap { venue(at: $0, in: context, named: named[context.index]) }
        }
        // A venue is longer than the name inside it, so it wins the overlap.
        return venues.isEmpty ? mentions : MentionResolver.resolve(mentions + venues)
    }

    private static func venue(
        at start: Int, in context: ParagraphContext, named: [Int: MentionCandidate]
    ) -> MentionCandidate? {
        guard let head = context.longestMatch(at: start, [.venueHead]), head.reading.stem == head.reading.base,
            var end = nameEnd(at: head.words.upperBound, in: context, named: named)
        else { return nil }
        while end < context.words.count, context.words[end].kind == .word,
            adjectives.contains(context.words[end].key)
        {
            end += 1
        }
        return context.candidate(.location, words: start..<end, reading: head.reading, origin: .rule)
    }

    /// Where the name after a head ends: a mention found there, a listed name, or the name of a person
    /// (``PersonRecognizer/honoreeEnd(at:in:)``).
    private static func nameEnd(at position: Int, in context: ParagraphContext, named: [Int: MentionCandidate]) -> Int?
    {
        let words = context.words
        guard words.indices.contains(position), words[position].kind == .word,
            !words[position].hasConjunctionOrPreposition, !context.isFunctionWord(at: position)
        else { return nil }
        if let mention = named[position] {
            return mention.words.upperBound
        }
        if let listed = context.longestMatch(at: position, [.location, .person, .organization]) {
            return listed.words.upperBound
        }
        if let honoree = PersonRecognizer.honoreeEnd(at: position, in: context) {
            return honoree
        }
        // A word no list and no dictionary knows, such as a town's (ملعب رادس): after a head it can only be a name.
        if !context.lexicon.isCommonWord(words[position]) {
            return position + 1
        }
        return nil
    }
}
