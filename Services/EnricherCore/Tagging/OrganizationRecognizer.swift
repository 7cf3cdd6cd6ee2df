import ArabicText
import ArticleModel

/// Finds organizations named by a head noun and its complements: "مجلس الأمن القومي الروسي",
/// "المديرية العامة للأمن الوطني", "إدارة مكافحة الجريمة السيبرانية".
///
/// Complements are definite words, genitives with ل (للأمن), a noun in construct before a
/// definite word (معاهدة الأمن), places and nationalities. Heads written with the article need
/// a genitive with ل, so "الجهاز الأمني" is not a name; weak heads (جهاز, مجلس …) need two
/// complements or a place or nationality. The name stops at punctuation, function words,
/// coordination, titles and people's names.
enum OrganizationRecognizer {
    private static let maximumWords = 8

    static func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        context.words.indices.compactMap { organization(at: $0, in: context) }
    }

    /// Acronyms in capitals that follow an organization, alone or in quotes or brackets
    /// ("جهاز الأمن الفدرالي الروسي “FSB”"): more mentions of the same organization.
    static func acronyms(after mentions: [MentionCandidate], in contexts: [ParagraphContext]) -> [MentionCandidate] {
        mentions.filter { $0.type == .organization }.compactMap { mention in
            let context = contexts[mention.paragraph]
            var position = mention.words.upperBound
            while context.isPunctuation(at: position, in: ["\"", "'", "("]), position - mention.words.upperBound < 2 {
                position += 1
            }
            guard context.words.indices.contains(position), context.words[position].isAcronym else { return nil }
            let word = context.words[position]
            return MentionCandidate(
                type: .organization,
                paragraph: mention.paragraph,
                words: position..<(position + 1),
                normalizedRange: word.token.normalizedRange,
                nameKey: mention.nameKey,
                entry: mention.entry,
                value: nil,
                origin: .rule
            )
        }
    }

    private static func organization(at start: Int, in context: ParagraphContext) -> MentionCandidate? {
        guard let head = context.longestMatch(at: start, [.organizationHead, .weakOrganizationHead]) else { return nil }
        let words = context.words
        let headIsDefinite = head.reading.stem != head.reading.base
        // After a definite noun, a definite head is an adjective: الجريمة المنظمة.
        if headIsDefinite, !head.reading.segmentation.hasConjunctionOrPreposition, start > 0,
            words[start - 1].kind == .word, words[start - 1].startsWithArticle
        {
            return nil
        }
        var end = head.words.upperBound
        var complements = 0
        var hasGenitive = false
        var hasPlace = false
        while end < words.count, end - start < maximumWords {
            let word = words[end]
            guard word.kind == .word, word.length >= 2, !context.isFunctionWord(at: end),
                !PersonRecognizer.startsName(at: end, in: context),
                context.longestMatch(at: end, [.role]) == nil
            else { break }
            if let place = context.longestMatch(at: end, [.location, .nationality]),
                !place.reading.segmentation.hasConjunctionOrPreposition
            {
                complements += place.words.count
                hasPlace = true
                end = place.words.upperBound
                continue
            }
            let genitive = word.readings.contains {
                $0.segmentation.preposition == "\u{0644}" && $0.segmentation.conjunction == nil
            }
            let construct = end + 1 < words.count && words[end + 1].kind == .word && words[end + 1].isDefinite
            if word.startsWithArticle {
                complements += 1
            } else if genitive, word.isDefinite || construct {
                complements += 1
                hasGenitive = true
            } else if !word.hasConjunctionOrPreposition, !word.isDefinite, construct, !word.mayStartWithConjunction {
                complements += 1
            } else {
                break
            }
            end += 1
        }
        let isName =
            if headIsDefinite { complements >= 2 && hasGenitive } else if head.kind == .weakOrganizationHead {
                complements >= 2 || hasPlace || hasGenitive
            } else { complements >= 1 }
        guard isName, end > head.words.upperBound else { return nil }
        return context.candidate(.organization, words: start..<end, reading: head.reading, origin: .rule)
    }
}
