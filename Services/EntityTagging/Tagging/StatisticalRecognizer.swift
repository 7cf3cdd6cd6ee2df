import ArabicText
import ArticleModel

/// People, organizations and places found by the trained tagger (``NERTagger``) where the
/// gazetteers and rules found nothing: names no list holds, written without the titles and
/// heads the rules look for.
///
/// The tagger reads each paragraph's words as the rules do, one token per word. Its MISC
/// type has no counterpart in the product and is dropped.
struct StatisticalRecognizer: Sendable {
    let tagger: NERTagger

    /// Honorifics with a pronoun ("وأكد سموه"): they stand for a person named elsewhere and are no
    /// name, though the tagger, seeing a verb of saying before them, reads them as one.
    private static let honorificPronouns = WordHashSet([
        "سموه", "سموها", "جلالته", "جلالتها", "فخامته", "معاليه", "معاليها", "سماحته", "سعادته", "سعادتها",
        "نيافته", "غبطته",
    ])

    /// Words that count goals and wins, as matching keys: in sports news the tagger reads "بهدفين" after a team
    /// as a name, or runs a scorer on into "محمد صلاح هدفين". No name begins or ends with one.
    private static let scoreWords = WordHashSet([
        "هدف", "هدفا", "هدفان", "هدفين", "اهداف", "ثنائيه", "ثلاثيه", "رباعيه", "خماسيه", "سداسيه",
    ])

    /// Candidates for every paragraph.
    func candidates(in contexts: [ParagraphContext]) -> [MentionCandidate] {
        let tags = tagger.tag(paragraphs: contexts)
        return zip(contexts, tags).flatMap { context, tags in
            EntitySpan.spans(in: tags).compactMap { span in
                guard let type = span.type.entityType else { return nil }
                // No name ends in a function word: "إليزابيث على" is إليزابيث. A text that writes
                // على as علي keeps its Ali: محمد علي.
                var words = span.tokens
                // A name stays in one script: "Ferrari سيعود" is Ferrari.
                let isLatin = context.words[words.lowerBound].kind == .latin
                if let other = words.dropFirst().first(where: { (context.words[$0].kind == .latin) != isLatin }) {
                    words = words.lowerBound..<other
                }
                while words.count > 1, context.isFunctionWord(at: words.upperBound - 1),
                    context.distinguishesAlefMaqsura
                        || context.longestMatch(at: words.upperBound - 1, [.givenName]) == nil
                {
                    words = words.dropLast()
                }
                while let first = words.first, Self.honorificPronouns.contains(hash: context.words[first].keyHash) {
                    words = words.dropFirst()
                }
                while let first = words.first, Self.countsScore(context.words[first]) { words = words.dropFirst() }
                while let last = words.last, Self.countsScore(context.words[last]) { words = words.dropLast() }
                guard !words.isEmpty else { return nil }
                if type == .location {
                    words = widenedToPlaceName(words, in: context)
                    guard !(words.count == 1 && context.isCountryAsAdjective(at: words.lowerBound)) else { return nil }
                }
                let first = context.words[words.lowerBound]
                guard first.kind != .punctuation else { return nil }
                // The tokenizer's split of the first word: "بالرباط" is a mention of "الرباط".
                let reading =
                    first.readings.first { $0.segmentation == first.token.segmentation } ?? first.readings[0]
                return context.candidate(type, words: words, reading: reading, origin: .statistical)
            }
        }
    }

    /// Whether `word`, a preposition or conjunction split off ("بهدفين"), is one of the ``scoreWords``.
    private static func countsScore(_ word: TaggedWord) -> Bool {
        word.readings.contains { scoreWords.contains(hash: $0.baseHash) }
    }

    /// The longest name of the place list (``WordKnowledge/places``) that covers `words`, or `words`: the
    /// tagger finds "ود" of ود مدني and "درمان" of أم درمان, whose first words are no names alone.
    private func widenedToPlaceName(_ words: Range<Int>, in context: ParagraphContext) -> Range<Int> {
        let knowledge = tagger.extractor.knowledge
        let earliest = max(0, words.upperBound - knowledge.longestPlace)
        guard earliest <= words.lowerBound else { return words }
        var widest = words
        for start in earliest...words.lowerBound {
            // A name's first word is listed as written and without its article or proclitics (بأم درمان).
            let word = context.words[start]
            for first in [word.keyHash] + word.readings.map(\.stemHashes.whole) {
                knowledge.forEachPlace(
                    startingWith: first, at: start, count: context.words.count, wordHash: { context.words[$0].keyHash }
                ) { end, _ in
                    if end >= words.upperBound - 1, end + 1 - start > widest.count { widest = start..<(end + 1) }
                }
            }
        }
        return widest
    }
}
