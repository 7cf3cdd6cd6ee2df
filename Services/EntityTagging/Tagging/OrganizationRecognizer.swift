import ArabicText
import ArticleModel

/// Finds organizations named by a head noun and its complements: "مجلس الأمن القومي الروسي",
/// "المديرية العامة للأمن الوطني", "إدارة مكافحة الجريمة السيبرانية".
///
/// Complements are definite words, genitives with ل (للأمن), a noun in construct before a
/// definite word (معاهدة الأمن), places and nationalities. Heads written with the article need
/// a genitive with ل or a country at the end ("الجمعية الوطنية الفرنسية"), so "الجهاز الأمني"
/// is not a name; weak heads (جهاز, مجلس …) need two
/// complements or a place or nationality. The name stops at punctuation, function words,
/// coordination, titles and people's names. A unit named with the body it belongs to
/// ("فريق الخبراء التابع للأمم المتحدة") is a name even with one complement; it ends before
/// التابع, and the body is an organization of its own. A centre named after a place
/// ("مركز فيينا الدولي") is a venue: a location.
enum OrganizationRecognizer {
    private static let maximumWords = 8

    static func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        context.words.indices.compactMap { organization(at: $0, in: context) }
    }

    /// Heads that the gazetteers list with armed groups and movements, which the text often
    /// drops after the first name of a list: "تنظيمات مثل داعش والقاعدة".
    private static let droppableHeads = ["تنظيم", "حركه", "جماعه"]

    /// Organizations given without their head right after another organization and و
    /// ("داعش والقاعدة", "“داعش” و”القاعدة”" for تنظيم القاعدة).
    static func coordinated(after mentions: [MentionCandidate], in contexts: [ParagraphContext]) -> [MentionCandidate] {
        mentions.filter { $0.type == .organization }.compactMap { mention in
            let context = contexts[mention.paragraph]
            let quotes: Set<String> = ["\""]
            var position = mention.words.upperBound
            while context.isPunctuation(at: position, in: quotes) { position += 1 }
            guard context.words.indices.contains(position) else { return nil }
            let reading: TaggedWord.Reading
            if context.words[position].key == "و" {
                position += 1
                while context.isPunctuation(at: position, in: quotes) { position += 1 }
                guard context.words.indices.contains(position), context.words[position].kind == .word else {
                    return nil
                }
                reading = context.words[position].readings[0]
            } else if let joined = context.words[position].readings.first(where: {
                $0.segmentation.conjunction == "\u{0648}" && $0.segmentation.preposition == nil
            }) {
                reading = joined
            } else {
                return nil
            }
            let match = droppableHeads.lazy.compactMap {
                context.lexicon.organization(namedAfter: $0, at: position, reading: reading, in: context.words)
            }.first
            return match.map {
                context.candidate(.organization, words: $0.words, reading: reading, origin: .gazetteer, entry: $0.entry)
            }
        }
    }

    private static func organization(at start: Int, in context: ParagraphContext) -> MentionCandidate? {
        guard let head = context.longestMatch(at: start, [.organizationHead, .weakOrganizationHead]) else { return nil }
        let words = context.words
        // A listed name that starts at the head ends where the list says ("قناة الجزيرة" in "بثت قناة الجزيرة
        // التقرير"), unless the country it belongs to follows it.
        if let listed = context.longestMatch(at: start, [.organization]),
            context.longestMatch(at: listed.words.upperBound, [.nationality, .location]) == nil
        {
            return nil
        }
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
        var startsWithPlace = false
        // A name that ends in its country ("البنك المركزي المصري") is one even with the article on its head.
        var endsWithPlace = false
        // A person's name after the head makes a name of a weak head too: "مؤسسة محمد بن راشد".
        var namesPerson = false
        // In a construct only the last noun is definite: after a definite word, an indefinite one
        // ("وزارة الداخلية رفض") starts the sentence's next phrase.
        var hasDefinite = false
        var quoted = false
        // Quotes mark where the name ends, whatever its words: صحيفة "الصنداي تايمز".
        var closing: Int?
        while end < words.count, end - start < maximumWords {
            // A name may be quoted after its head: مركز “فيينا الدولي”.
            if complements == 0, context.isPunctuation(at: end, in: ["\""]), words.indices.contains(end + 1),
                words[end + 1].kind == .word
            {
                closing = closingQuote(after: end, in: context)
                end += 1
                quoted = true
            }
            let word = words[end]
            // Institutions are named after people: "مؤسسة محمد بن راشد آل مكتوم للمعرفة", "معهد ناصر".
            if complements == 0, !headIsDefinite, Self.honoreeHeads.contains(hash: head.reading.baseHash),
                !word.hasConjunctionOrPreposition,
                // A given name or a title: two unknown words are as likely a name and a verb ("مؤسسة جيتس قدمت").
                PersonRecognizer.startsName(at: end, in: context) || context.longestMatch(at: end, [.role]) != nil,
                let honoree = PersonRecognizer.honoreeEnd(at: end, in: context)
            {
                complements += 1
                namesPerson = true
                end = honoree
                continue
            }
            if complements > 0, continuesByCoordination(at: end, in: context) {
                complements += 1
                endsWithPlace = false
                end += 1
                continue
            }
            guard word.kind == .word, word.length >= 2, !context.isFunctionWord(at: end),
                !PersonRecognizer.startsName(at: end, in: context),
                context.longestMatch(at: end, [.role]) == nil
            else { break }
            // A head before a listed organization ("منظمة “الإنتربول”") names that organization.
            if complements == 0, let listed = context.longestMatch(at: end, [.organization]) {
                return context.candidate(
                    .organization, words: start..<listed.words.upperBound, reading: head.reading, origin: .gazetteer,
                    entry: listed.entry)
            }
            if let place = context.longestMatch(at: end, [.location, .nationality]),
                !place.reading.segmentation.hasConjunctionOrPreposition
            {
                if complements == 0, place.kind == .location { startsWithPlace = true }
                // An indefinite nationality right after the head describes it: "صحيفة بريطانية".
                if complements == 0, place.kind == .nationality, !word.startsWithArticle { return nil }
                complements += place.words.count
                hasPlace = true
                endsWithPlace = true
                end = place.words.upperBound
                continue
            }
            let genitive = startsGenitive(at: end, in: context)
            let construct = end + 1 < words.count && words[end + 1].kind == .word && words[end + 1].isDefinite
            if word.startsWithArticle {
                // A definite word after a definite word qualifies it, as an adjective does ("مجلس الأمن القومي"); a
                // noun there starts the sentence's next phrase ("تبنت جماعة أنصار الدين الهجوم", "نظمت مؤسسة
                // للمعرفة الحفل").
                if complements > 0, words[end - 1].isDefinite, !Self.isAdjectiveLike(word) { break }
                complements += 1
                hasDefinite = true
            } else if genitive, complements > 0, word.isDefinite || (construct && !hasDefinite) {
                // A genitive follows the name's first word: "منظمة للفوز" is no name.
                complements += 1
                hasGenitive = true
                hasDefinite = hasDefinite || word.isDefinite
            } else if !hasDefinite, !word.hasConjunctionOrPreposition, !word.isDefinite, construct,
                !word.mayStartWithConjunction,
                // A head with the article is in no construct, nor is a country: "الوزارة تضع العلاقات" and
                // "الإدارة الأميركية ضللت الشعب" are sentences.
                !(headIsDefinite && complements == 0), !endsWithPlace
            {
                complements += 1
            } else {
                break
            }
            endsWithPlace = false
            end += 1
        }
        let isName =
            if headIsDefinite {
                // After a country a genitive may go on the name ("الاتحاد البرتغالي لكرة القدم") or start a phrase of
                // purpose: the rules cannot tell them apart and leave both to the trained tagger.
                complements >= 2 && (hasGenitive || endsWithPlace && !startsGenitive(at: end, in: context))
            } else if head.kind == .weakOrganizationHead {
                complements >= 2 || hasPlace || hasGenitive || namesPerson
            } else { complements >= 1 }
        // A unit that names the body it belongs to ("فريق الخبراء التابع للأمم المتحدة") is a name, ending before التابع.
        let belongsToBody = complements >= 1 && parent(after: end, in: context) != nil
        guard isName || belongsToBody, end > head.words.upperBound else { return nil }
        if let closing, end < closing { end = closing }
        // The mention holds the closing quote too, so that the name it shows is not left open.
        if quoted, context.isPunctuation(at: end, in: ["\""]) { end += 1 }
        if startsWithPlace, Self.venueHeads.contains(head.reading.stem) {
            return context.candidate(.location, words: start..<end, reading: head.reading, origin: .rule)
        }
        return context.candidate(.organization, words: start..<end, reading: head.reading, origin: .rule)
    }

    /// Whether a genitive with ل starts at `position` (للأمن, لكرة).
    private static func startsGenitive(at position: Int, in context: ParagraphContext) -> Bool {
        context.words.indices.contains(position)
            && context.words[position].readings.contains {
                $0.segmentation.preposition == "\u{0644}" && $0.segmentation.conjunction == nil
            }
    }

    /// The quote that closes a name of one to ``maximumWords`` words opened at `opening`, when
    /// only words (Arabic or Latin) stand between them.
    private static func closingQuote(after opening: Int, in context: ParagraphContext) -> Int? {
        var position = opening + 1
        while position < context.words.count, position - opening <= maximumWords {
            let word = context.words[position]
            if word.kind == .punctuation {
                return context.isPunctuation(at: position, in: ["\""]) && position > opening + 1 ? position : nil
            }
            guard word.kind == .word || word.kind == .latin else { return nil }
            position += 1
        }
        return nil
    }

    /// "والتنسيق" in "مركز القيادة والتنسيق", "ورصد الجزاءات" in "فريق الدعم التحليلي ورصد
    /// الجزاءات": a second noun joined by و inside a name, not a name of its own.
    private static func continuesByCoordination(at position: Int, in context: ParagraphContext) -> Bool {
        let words = context.words
        let word = words[position]
        guard word.kind == .word, word.token.segmentation.conjunction == "\u{0648}",
            word.token.segmentation.preposition == nil, !context.isFunctionWord(at: position),
            context.allMatches(
                at: position, [.organization, .location, .person, .organizationHead, .weakOrganizationHead, .role]
            ).isEmpty,
            !PersonRecognizer.startsName(at: position, in: context)
        else { return false }
        let nextIsDefinite =
            words.indices.contains(position + 1) && words[position + 1].kind == .word
            && words[position + 1].startsWithArticle
        return word.token.segmentation.isDefinite || nextIsDefinite
    }

    /// Adjectives that qualify a name without a relative ending or the م of a participle (as matching keys).
    private static let plainAdjectives = WordHashSet([
        "العامه", "العام", "الكبير", "العليا", "الحره", "الحر", "الاول", "الدنيا", "الجديده", "الجديد", "الخاصه",
        "الخاص", "القابضه", "الدائمه", "الدائم", "الشامله",
    ])

    /// Whether a definite word reads as an adjective: a relative adjective (الوطني, الدولية, الإسلاميين), a
    /// participle (المتحدة, المستقلة, المركزي), a colour or elative of the pattern أفعل (الأحمر, الأكبر) or one of
    /// ``plainAdjectives``.
    private static func isAdjectiveLike(_ word: TaggedWord) -> Bool {
        let stem = word.nameKey
        // A plural in ات with م is a noun far more often than a participle in a name: المساعدات, المفاوضات.
        return ["ي", "يه", "يين", "يون", "يات"].contains { stem.hasSuffix($0) }
            || (stem.hasPrefix("م") && !stem.hasSuffix("ات"))
            || (stem.unicodeScalars.count == 4 && stem.hasPrefix("ا")) || plainAdjectives.contains(hash: word.keyHash)
    }

    /// Heads of institutions that are named after a person, unlike a government or a party ("حكومة
    /// نتنياهو" is not a name), as matching keys.
    private static let honoreeHeads = WordHashSet([
        "جامعه", "اكاديميه", "معهد", "مؤسسه", "جمعيه", "مركز", "كليه", "مدرسه",
    ])

    /// Organization heads that name a venue when a place follows at once (مركز فيينا الدولي); heads that always
    /// name venues (مطار, قصر …) are VenueRecognizer's.
    private static let venueHeads: Set<String> = ["مركز"]
    /// "التابع" in its forms: what follows with ل is the body the unit belongs to.
    private static let belongingWords: Set<String> = ["التابع", "التابعه", "التابعين", "التابعتين"]

    /// The end of "التابع لـ<organization>" after a unit's name, when it follows.
    private static func parent(after end: Int, in context: ParagraphContext) -> Int? {
        guard context.words.indices.contains(end), belongingWords.contains(context.words[end].key) else { return nil }
        let next = end + 1
        if let body = context.longestMatch(at: next, [.organization]),
            body.reading.segmentation.preposition == "\u{0644}"
        {
            return body.words.upperBound
        }
        if let body = organization(at: next, in: context), body.words.lowerBound == next {
            return body.words.upperBound
        }
        return nil
    }
}
