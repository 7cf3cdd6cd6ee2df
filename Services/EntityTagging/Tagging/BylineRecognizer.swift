import ArabicText
import ArticleModel

/// Finds the author in a byline: "بقلم: سارة الأحمدي", "إعداد - كريم منصوري", "كتب: يوسف بن علي".
///
/// A byline opens its paragraph, or follows a mark that separates it from a dateline or an outlet's name
/// ("الرباط - كتب: …"), and its name of two to four words runs to the end of the paragraph or to a mark.
/// "كتب" and "كتبت" are common verbs, so they count only with a colon after them.
enum BylineRecognizer {
    /// Byline words, as matching keys, and whether they need a colon after them.
    private static let cues: [String: Bool] = [
        "بقلم": false, "اعداد": false, "تحرير": false, "تقديم": false, "ترجمه": false, "كتب": true, "كتبت": true,
    ]
    /// Marks between the cue and the name, or before the cue.
    private static let separators: Set<String> = [":", "-", "\u{2013}", "|", "\u{060C}", ","]
    private static let nameLengths = 2...4

    static func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        let words = context.words
        return words.indices.compactMap { position in
            guard position == 0 || context.isPunctuation(at: position - 1, in: separators),
                let needsColon = cues[words[position].key]
            else { return nil }
            let hasColon = context.isPunctuation(at: position + 1, in: [":"])
            guard hasColon || !needsColon else { return nil }
            let start = context.isPunctuation(at: position + 1, in: separators) ? position + 2 : position + 1
            var end = start
            while end < words.count, words[end].kind == .word, !context.isFunctionWord(at: end),
                end - start < nameLengths.upperBound
            {
                end += 1
            }
            let endsThere = end == words.count || words[end].kind == .punctuation
            guard nameLengths.contains(end - start), endsThere else { return nil }
            return context.candidate(.person, words: start..<end, reading: words[start].readings[0], origin: .rule)
        }
    }
}
