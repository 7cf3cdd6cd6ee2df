import ArabicText
import ArticleModel

/// Finds later (and earlier) mentions of a person by surname alone: once "عبد اللطيف حموشي"
/// is found, حموشي, الحموشي and للحموشي elsewhere in the article are the same person.
enum CoreferenceRecognizer {
    static func candidates(for people: [MentionCandidate], in contexts: [ParagraphContext]) -> [MentionCandidate] {
        // A last word that is a dictionary word with the article (الثاني, الشباب) is no surname
        // to find alone: it would tag every ordinal or noun of the article.
        let surnames = Set(
            people.filter { $0.type == .person && $0.nameKey.count >= 2 }
                .filter { person in
                    let last = contexts[person.paragraph].words[person.words.upperBound - 1]
                    return !(last.startsWithArticle && contexts[person.paragraph].lexicon.isCommonWord(last))
                }
                .compactMap(\.nameKey.last)
                .filter { $0.unicodeScalars.count >= 3 }
                .map { FNV1a(scalars: $0.unicodeScalars).value }
        )
        guard !surnames.isEmpty else { return [] }
        var result: [MentionCandidate] = []
        for context in contexts {
            for position in context.words.indices {
                let word = context.words[position]
                // Stems are compared by hash, and the function-word test comes last: most words are no surname.
                guard word.kind == .word || word.kind == .latin,
                    let reading = word.readings.first(where: { surnames.contains($0.stemHashes.whole) }),
                    !context.isFunctionWord(at: position)
                else { continue }
                result.append(
                    context.candidate(.person, words: position..<(position + 1), reading: reading, origin: .coreference)
                )
            }
        }
        return result
    }
}
