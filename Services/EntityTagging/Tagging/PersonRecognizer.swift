import ArabicText
import ArticleModel

/// Finds people's names: after a title and its complements ("الرئيس الروسي فلاديمير بوتين",
/// "المدير العام للأمن الوطني، عبد اللطيف حموشي"), compounds with عبد or أبو, and a known
/// given name followed by name-like words. Latin names ("Esperanza Casteleiro Llamazares")
/// count next to a title, or as two or three capitalized words set in Arabic text that name
/// no organization or place (``LatinNameWords``).
///
/// A name-like word is a word that is not a function word, title, month, place, nationality
/// or organization word and carries no conjunction or preposition. A surname with the article
/// ends the name and is accepted after a compound or a title, or when it is a nisba in ي
/// (الحموشي), so that "دعا علي الحكومة" is not a name. A dictionary word, inflected or not, is
/// no surname either ("علي سعر", "يونس يعتقد", "مايكل متقدما", "جاك شيراك آنذاك"), except as
/// the first after a title (الرئيس حسني مبارك) or a nisba after a compound (أبو بكر البغدادي).
/// A given name that the list also knows (علي صالح) still is, unless it is a function word
/// (إليزابيث على).
enum PersonRecognizer {
    private static let maximumWords = 6
    /// Prepositions that bring the place of an office into a title's complements.
    private static let placePrepositions = WordHashSet(["الي", "في", "لدي"])
    /// Marks between a title and the name: commas, quotes, a bracket.
    private static let titleSeparators: Set<String> = ["\u{060C}", ",", "\"", "'", "(", ":"]
    /// Words that cannot be part of a name.
    private static let blockingKinds: LexiconKinds = [
        .role, .organizationHead, .weakOrganizationHead, .month, .nationality, .location, .organization,
    ]

    static func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        var result: [MentionCandidate] = []
        for position in context.words.indices {
            if let role = context.longestMatch(at: position, [.role]),
                let name = name(at: nameStart(after: role.words.upperBound, in: context), afterTitle: true, in: context)
            {
                result.append(name)
            }
            if let name = name(at: position, afterTitle: false, in: context) {
                result.append(name)
            }
        }
        return result
    }

    /// Whether a given name, a compound with عبد or أبو, or a Latin name begins at `position`.
    static func startsName(at position: Int, in context: ParagraphContext) -> Bool {
        guard context.words.indices.contains(position) else { return false }
        return context.words[position].isCapitalizedLatin
            || context.longestMatch(at: position, [.givenName, .namePrefix, .person]) != nil
    }

    /// Where the name of the person a place or institution is named after ends, when one starts at
    /// `position`: a listed person, a name read as after a title (a given name and a definite surname
    /// make a name: محمد الخامس), or a title and a name (الملك فهد, الملك سلمان).
    static func honoreeEnd(at position: Int, in context: ParagraphContext) -> Int? {
        if let listed = context.longestMatch(at: position, [.person]) {
            return listed.words.upperBound
        }
        if let person = name(at: position, afterTitle: true, in: context) {
            return person.words.upperBound
        }
        if let role = context.longestMatch(at: position, [.role]) {
            let after = role.words.upperBound
            if let person = name(at: after, afterTitle: true, in: context) {
                return person.words.upperBound
            }
            // After a head and a title, a word without the article is a name on its own, even one the dictionary
            // holds too: مركز الملك سلمان. Not one a particle or given name continues, which the rules cannot end.
            if isNameLike(at: after, first: true, in: context), !context.words[after].startsWithArticle,
                context.longestMatch(at: after + 1, [.nameParticle, .givenName, .namePrefix]) == nil
            {
                return after + 1
            }
        }
        return nil
    }

    /// The first word after a title's complements (للأمن الوطني ولمراقبة التراب الوطني) and
    /// the commas or quotes that set the name off.
    private static func nameStart(after titleEnd: Int, in context: ParagraphContext) -> Int {
        let words = context.words
        var position = titleEnd
        while position < words.count, position - titleEnd < 10, !startsName(at: position, in: context) {
            let word = words[position]
            // Where the office is: "المبعوث الأممي إلى ليبيا كاتو زيمر", "سفير فرنسا في الجزائر".
            if placePrepositions.contains(hash: word.keyHash),
                let place = context.longestMatch(at: position + 1, [.location])
            {
                position = place.words.upperBound
                continue
            }
            guard word.kind == .word, word.length >= 2, !context.isFunctionWord(at: position) else { break }
            if let place = context.longestMatch(at: position, [.location, .nationality]) {
                position = place.words.upperBound
            } else if word.isDefinite
                || (position + 1 < words.count && words[position + 1].kind == .word && words[position + 1].isDefinite)
            {
                position += 1
            } else {
                break
            }
        }
        var separators = 0
        while separators < 2, context.isPunctuation(at: position, in: titleSeparators) {
            position += 1
            separators += 1
        }
        return position
    }

    static func name(at start: Int, afterTitle: Bool, in context: ParagraphContext) -> MentionCandidate? {
        let words = context.words
        guard words.indices.contains(start) else { return nil }
        if words[start].isCapitalizedLatin {
            return latinName(at: start, afterTitle: afterTitle, in: context)
        }
        // Known people are the gazetteer's: their listed form is where the name ends.
        guard context.longestMatch(at: start, [.person]) == nil,
            let (first, firstEnd, kind) = firstName(at: start, afterTitle: afterTitle, in: context)
        else { return nil }
        let isCompound = kind == .compound
        // After a plain given name, one unknown word is a surname; two are often a verb or noun.
        let maximumSurnames = isCompound || afterTitle ? 2 : 1
        var end = firstEnd
        var surnames = 0
        while end < words.count, end - start < maximumWords {
            if let given = context.longestMatch(at: end, [.givenName]), !given.reading.segmentation.hasProclitics,
                !context.isFunctionWord(at: end)
            {
                end = given.words.upperBound
            } else if context.longestMatch(at: end, [.nameParticle]) != nil,
                let afterParticle = nameAfterParticle(at: end + 1, in: context)
            {
                end = afterParticle
                // The particle brings the family name: a plain word after it is no part of the name.
                surnames = maximumSurnames
            } else if let prefix = context.longestMatch(at: end, [.namePrefix]),
                !prefix.reading.segmentation.hasProclitics, end + 1 < words.count, words[end + 1].startsWithArticle
            {
                // With و (وأبو السكر) it starts the next person: "أبو فارس وأبو السكر" are two.
                end += 2
            } else if surnames < maximumSurnames,
                isNameLike(at: end, first: surnames == 0 && kind != .unlisted, in: context),
                surnames == 0 && kind != .unlisted && (afterTitle || isCompound && isNisba(words[end]))
                    || !context.lexicon.isCommonWord(words[end]),
                !isObjectAfterName(at: end, nameStart: start, in: context)
            {
                let definite = words[end].startsWithArticle
                if definite, !(isCompound || afterTitle || words[end].key.hasSuffix("ي")) { break }
                end += 1
                surnames += 1
                if definite || surnames == maximumSurnames { break }
            } else {
                break
            }
        }
        // A word no list holds is a name only with a surname after it: alone it is as often a verb or noun.
        guard end > firstEnd || (afterTitle && kind != .unlisted) || isCompound else { return nil }
        return context.candidate(.person, words: start..<end, reading: first, origin: .rule)
    }

    /// A compound (عبد اللطيف, أبو بكر) or a given name starting at `start`, with its reading
    /// and end; a given name that is also a month after a number (15 أفريل) is a date. After a
    /// title, a name-like word that no dictionary holds is a given name too: names from abroad
    /// ("المدير العام لمنظمة الصحة العالمية تيدروس أدهانوم") are in no list.
    private static func firstName(at start: Int, afterTitle: Bool, in context: ParagraphContext)
        -> (TaggedWord.Reading, Int, FirstName)?
    {
        let words = context.words
        if let prefix = context.longestMatch(at: start, [.namePrefix]), start + 1 < words.count,
            words[start + 1].kind == .word, !context.isFunctionWord(at: start + 1),
            words[start + 1].startsWithArticle || context.longestMatch(at: start + 1, [.givenName]) != nil
                || (prefix.reading.base != "عبد" && isNameLike(at: start + 1, first: true, in: context))
        {
            return (prefix.reading, start + 2, .compound)
        }
        guard let given = context.longestMatch(at: start, [.givenName]), !context.isFunctionWord(at: start) else {
            guard afterTitle, !words[start].startsWithArticle, isNameLike(at: start, first: true, in: context),
                !context.lexicon.isCommonWord(words[start])
            else { return nil }
            return (words[start].readings[0], start + 1, .unlisted)
        }
        if context.longestMatch(at: start, [.month]) != nil, start > 0, words[start - 1].kind == .number { return nil }
        return (given.reading, given.words.upperBound, .given)
    }

    /// How a name begins.
    private enum FirstName {
        /// With عبد or أبو and the word after it.
        case compound
        /// With a given name of the list.
        case given
        /// With a word no list or dictionary holds, after a title: it needs a surname, which must be an unknown
        /// word too, or "الرئيس تتش أمر" would make أمر a surname, and not start with a letter that may be a
        /// proclitic ("ملعب رادس بهدف").
        case unlisted
    }

    /// Two to ``maximumWords`` capitalized Latin words with a title just before or after them,
    /// or two or three of them on their own in Arabic text.
    ///
    /// A longer run is not a name, and is not read past one word beyond the longest name:
    /// reading it to its end from each of its words made a long run quadratic.
    private static func latinName(at start: Int, afterTitle: Bool, in context: ParagraphContext) -> MentionCandidate? {
        var end = start
        while end < context.words.count, end - start <= maximumWords, context.words[end].isCapitalizedLatin {
            end += 1
        }
        guard (2...maximumWords).contains(end - start) else { return nil }
        let titleFollows =
            context.longestMatch(at: end, [.role]) != nil
            || (context.isPunctuation(at: end, in: titleSeparators)
                && context.longestMatch(at: end + 1, [.role]) != nil)
        guard afterTitle || titleFollows || LatinNameWords.standAlone(start..<end, in: context) else { return nil }
        return context.candidate(.person, words: start..<end, reading: context.words[start].readings[0], origin: .rule)
    }

    /// The end of the name part after a particle at `position`: a compound (ولد عبد العزيز) or one
    /// name-like word (بن علي).
    private static func nameAfterParticle(at position: Int, in context: ParagraphContext) -> Int? {
        if context.longestMatch(at: position, [.namePrefix]) != nil,
            isNameLike(at: position + 1, first: true, in: context)
        {
            return position + 2
        }
        return isNameLike(at: position, first: true, in: context) ? position + 1 : nil
    }

    /// Whether the word at `position` is a definite dictionary noun after a name of two words or more, which the
    /// verb before the name governs: "استقبل الأمير مولاي رشيد الوفد". After a single given name such a word is
    /// often the surname (بشار الأسد); a nisba (السوداني) is one anywhere.
    private static func isObjectAfterName(at position: Int, nameStart: Int, in context: ParagraphContext) -> Bool {
        let word = context.words[position]
        return position - nameStart >= 2 && word.startsWithArticle && !isNisba(word)
            && context.lexicon.isCommonWord(word)
    }

    /// Whether the word is an adjective of origin with the article (البغدادي, الهاشمي), the one
    /// kind of dictionary word a compound such as أبو بكر takes as its surname.
    private static func isNisba(_ word: TaggedWord) -> Bool {
        word.startsWithArticle && word.key.hasSuffix("ي")
    }

    /// Whether the word at `position` can be a surname.
    private static func isNameLike(at position: Int, first: Bool, in context: ParagraphContext) -> Bool {
        guard context.words.indices.contains(position) else { return false }
        let word = context.words[position]
        guard word.kind == .word, word.length >= 2, !word.hasConjunctionOrPreposition,
            !context.isFunctionWord(at: position), context.longestMatch(at: position, blockingKinds) == nil
        else { return false }
        // Beyond the first surname, a leading و ف ب ك ل is more likely a proclitic than a name; in the first, when a
        // dictionary word follows it ("الرئيس محمد لوزراء الحكومة").
        return first
            ? !context.lexicon.isCommonWordAfterProclitic(word)
            : !"وفبكل".unicodeScalars.contains(word.key.unicodeScalars.first ?? " ")
    }
}
