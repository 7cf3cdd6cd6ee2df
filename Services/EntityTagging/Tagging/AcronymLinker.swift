import ArabicText
import ArticleModel

/// An organization's acronym given right after its name, in brackets or quotes ("منظمة الدول المصدرة للنفط
/// (أوبك)", "جهاز الأمن الفدرالي الروسي “FSB”"), names the same organization wherever the article writes it:
/// every mention of the acronym joins the full name's entity, and untagged occurrences become mentions. A
/// person's byname after the name works the same way: "محمد حمدان دقلو (حميدتي)".
enum AcronymLinker {
    /// Marks that set an acronym off after a name.
    private static let openings: Set<String> = ["\"", "'", "("]

    static func linked(_ mentions: [MentionCandidate], in contexts: [ParagraphContext]) -> [MentionCandidate] {
        // Keyed by the FNV-1a hash of the acronym's stem: every word of the article is looked up, and a String key
        // would be hashed through Unicode normalization each time.
        var expansions: [UInt64: MentionCandidate] = [:]
        for mention in mentions where [.organization, .person].contains(mention.type) && mention.words.count > 1 {
            let context = contexts[mention.paragraph]
            guard let position = acronymPosition(after: mention, in: context),
                mention.type == .organization || isByname(at: position, in: context)
            else { continue }
            let stem = FNV1a(scalars: context.words[position].nameKey.unicodeScalars).value
            expansions[stem] = expansions[stem] ?? mention
        }
        guard !expansions.isEmpty else { return mentions }
        let linked = mentions.map { mention in
            guard mention.words.count == 1, mention.type != .date, let stem = mention.nameKey.first,
                let expansion = expansions[FNV1a(scalars: stem.unicodeScalars).value]
            else { return mention }
            return mention.linked(as: expansion)
        }
        // Occurrences no recognizer found, with or without proclitics (وأوبك): the acronym after its name, and
        // any other use.
        var occurrences: [MentionCandidate] = []
        for context in contexts {
            for (position, word) in context.words.enumerated() where word.kind != .punctuation {
                guard let reading = word.readings.first(where: { expansions[$0.stemHashes.whole] != nil }),
                    let expansion = expansions[reading.stemHashes.whole]
                else { continue }
                occurrences.append(
                    context.candidate(
                        expansion.type, words: position..<(position + 1), reading: reading, origin: .rule
                    ).linked(as: expansion))
            }
        }
        return MentionResolver.adding(occurrences, to: linked)
    }

    /// The word that follows an organization's name in brackets or quotes, or a Latin acronym right after it.
    ///
    /// A quote right after a quoted name closes it, and the word after it is the text's: in
    /// `" نيوز كورب " و " ميديا سيت "` the و between two quoted names is no acronym. Nor is any
    /// function word or single letter.
    private static func acronymPosition(after mention: MentionCandidate, in context: ParagraphContext) -> Int? {
        let opening = mention.words.upperBound
        if context.words.indices.contains(opening), context.words[opening].isAcronym { return opening }
        guard context.isPunctuation(at: opening, in: openings), context.words.indices.contains(opening + 1),
            !context.isPunctuation(at: mention.words.lowerBound - 1, in: ["\"", "'"])
        else { return nil }
        let word = context.words[opening + 1]
        guard
            word.isAcronym
                || (word.kind == .word && word.length >= 2 && !context.isFunctionWord(at: opening + 1)
                    && isBracketed(opening + 1, in: context))
        else { return nil }
        return opening + 1
    }

    /// Whether the bracketed word after a person's name is a byname: an Arabic word that no dictionary holds and
    /// that names no place, nationality or organization ("عبد الله (الأردن)" says where he is from, a list's
    /// "(الرابع)" his rank).
    private static func isByname(at position: Int, in context: ParagraphContext) -> Bool {
        context.words[position].kind == .word && !context.lexicon.isCommonWord(context.words[position])
            && context.longestMatch(at: position, [.location, .nationality, .organization]) == nil
    }

    /// Whether the word stands alone between an opening and a closing mark: (أوبك), “أوبك”.
    private static func isBracketed(_ position: Int, in context: ParagraphContext) -> Bool {
        position > 0 && context.isPunctuation(at: position - 1, in: openings)
            && context.isPunctuation(at: position + 1, in: ["\"", "'", ")"])
    }
}
