import ArabicText
import ArticleModel

/// Finds dates written with a month name of any family (ماي, مايو, أيار …) or a Hijri month
/// (رمضان, ذو الحجة): a day and month with an optional year, ranges ("بين 27 و29 ماي",
/// "من 6 إلى 8 ماي", "13 و14 يونيو 2022"), a month with a year or after شهر ("شهر يوليوز"),
/// and bare years after عام or سنة (part of the mention) or after a preposition such as منذ or
/// خلال (not part of it); days written in digits (15/09/2022, 2022-09-15, 15.09.2022); a weekday
/// before a day ("الخميس 15 شتنبر", "يوم الأحد 6 ماي"), which is part of the mention; and
/// decades ("ثمانينات القرن الماضي"); days written as ordinals ("السابع من أكتوبر"); spans of years
/// ("من 2025 إلى 2030"). Numbers may stand in parentheses ("يومي (3) و (4) مارس (2021)"), a comma
/// may come before the year ("11 مارس, 2021"), and a month may be named in two families ("آب
/// (أغسطس)", "تموز/يوليو").
///
/// It reads dates as written; a ``YearAnchor`` settles a missing year.
struct DateRecognizer: Sendable {
    // The word lists are matching keys, looked up by hash: a Set<String> of Arabic words hashes
    // through Unicode normalization, which cost more than reading the dates themselves.
    /// Words that open a range; they are part of the mention. After بين, عامي and سنتي (the dual of عام and سنة)
    /// open a span of years: "بين عامي 2015 و2020".
    private static let rangeOpenings: [[UInt64]] = [
        ["ما", "بين"], ["بين"], ["من"], ["يومي"], ["بين", "عامي"], ["بين", "سنتي"], ["ما", "بين", "عامي"],
    ].map {
        $0.map { FNV1a(scalars: $0.unicodeScalars).value }
    }
    /// The dual alone names two years, a span only when they follow each other: "عامي 2022 و2023", not "عامي 1994
    /// و1998".
    private static let yearPairOpenings = WordHashSet(["عامي", "سنتي"])
    /// Words and marks that join the two ends of a range.
    private static let rangeJoiners = WordHashSet(["و", "الي", "حتي", "-", "\u{2013}"])
    /// Words before a month name that make it a date on its own: "شهر يوليوز".
    private static let monthWordList = ["شهر", "الشهر"]
    private static let monthWords = WordHashSet(monthWordList)
    /// Brackets around a number: "(3)". Sets built once: a literal in the call would be built for every word.
    private static let openingBrackets: Set<String> = ["("]
    private static let closingBrackets: Set<String> = [")"]
    /// The mark between a month's two names: "تموز/يوليو".
    private static let monthSlashes: Set<String> = ["/"]
    /// Commas between a month and its year.
    private static let yearCommas: Set<String> = ["\u{060C}", ","]
    /// Words that introduce a bare year and belong to its mention.
    private static let yearCueList = ["عام", "العام", "سنه", "السنه"]
    private static let yearCues = WordHashSet(yearCueList)
    /// Both kinds of cue, for one probe per reading: every word of a text is tried.
    private static let cueWords = WordHashSet(monthWordList + yearCueList)
    /// Words after which a four-digit number is a year; they stay outside the mention. Seasons
    /// are among them: "صيف 2023" dates to the year.
    private static let yearPrepositions = WordHashSet([
        "منذ", "في", "خلال", "حتي", "قبل", "بعد", "مطلع", "اواخر", "اوائل", "منتصف", "نهايه", "بدايه",
        "صيف", "الصيف", "شتاء", "الشتاء", "ربيع", "الربيع", "خريف", "الخريف",
    ])

    typealias Month = WrittenDate.Month

    /// Words after a date without its year that place it from the publication, as matching keys; the feminine
    /// forms go with السنة.
    private static let lastWords = WordHashSet(["الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفارط"])
    private static let nextWords = WordHashSet(["المقبل", "المقبله", "القادم", "القادمه"])
    private static let currentWords = WordHashSet(["الجاري", "الجاريه", "الحالي", "الحاليه"])
    private static let yearNouns = WordHashSet(["العام", "السنه"])
    private static let demonstratives = WordHashSet(["هذا", "هذه"])

    /// Where the words at `position` place a date written without its year, and where they end: "الماضي",
    /// "المقبل", "الجاري", or "من العام الماضي", "من السنة المقبلة", "من هذا العام".
    private func relation(at position: Int, in context: ParagraphContext) -> (relation: WrittenDate.Relation, end: Int)?
    {
        let words = context.words
        guard words.indices.contains(position) else { return nil }
        if let relation = Self.relation(of: words[position].keyHash) { return (relation, position + 1) }
        guard words[position].key == "من", words.indices.contains(position + 2) else { return nil }
        if Self.demonstratives.contains(hash: words[position + 1].keyHash),
            Self.yearNouns.contains(hash: words[position + 2].keyHash)
        {
            return (.year(offset: 0), position + 3)
        }
        guard Self.yearNouns.contains(hash: words[position + 1].keyHash),
            let relation = Self.relation(of: words[position + 2].keyHash)
        else { return nil }
        switch relation {
        case .last: return (.year(offset: -1), position + 3)
        case .next: return (.year(offset: 1), position + 3)
        case .year: return (relation, position + 3)
        }
    }

    /// The relation one word says: the last, the next or the current one.
    private static func relation(of hash: UInt64) -> WrittenDate.Relation? {
        if lastWords.contains(hash: hash) { return .last }
        if nextWords.contains(hash: hash) { return .next }
        if currentWords.contains(hash: hash) { return .year(offset: 0) }
        return nil
    }

    /// The reading of `word` that is a cue word (``monthWords``, ``yearCues``), a preposition
    /// before it split off: "لسنة 2025" is the date "سنة 2025".
    private static func cueReading(of word: TaggedWord) -> Int? {
        if cueWords.contains(hash: word.keyHash) { return 0 }
        // Every word of a text comes here: the readings are walked only for one short enough to be a cue of at
        // most five letters and its proclitics (وللسنة).
        guard word.readings.count > 1, word.keyHashes.length <= 7 else { return nil }
        return word.readings.firstIndex { cueWords.contains(hash: $0.baseHash) }
    }

    /// The dates of a paragraph as written, in text order.
    func dates(in context: ParagraphContext) -> [WrittenDate] {
        var result: [WrittenDate] = []
        var position = 0
        while position < context.words.count {
            if let (dateEnd, form) = parse(at: position, in: context) {
                let placed = form.writesYear ? nil : relation(at: dateEnd, in: context)
                // A word alone (الماضي) stays outside the mention, as the gold's guide has it; a year (من العام
                // الماضي) is the date's own.
                let end = placed.map { $0.end - dateEnd > 1 ? $0.end : dateEnd } ?? dateEnd
                result.append(
                    WrittenDate(
                        paragraph: context.index, words: position..<end, form: form, relation: placed?.relation,
                        firstReading: Self.cueReading(of: context.words[position]) ?? 0))
                position = end
            } else {
                position += 1
            }
        }
        return result
    }

    /// The mentions of `dates`, valued by `anchor`; a date without a value is left out.
    func candidates(of dates: [WrittenDate], anchor: YearAnchor, in context: ParagraphContext) -> [MentionCandidate] {
        dates.compactMap { date in
            date.value(anchor).map {
                context.candidate(
                    .date, words: date.words, reading: context.words[date.words.lowerBound].readings[date.firstReading],
                    origin: .date, value: $0)
            }
        }
    }

    /// The end and form of a date starting at `start`, with the weekday written before it.
    private func parse(at start: Int, in context: ParagraphContext) -> (Int, WrittenDate.Form)? {
        guard let (afterWeekday, named) = weekday(at: start, in: context) else { return dated(at: start, in: context) }
        switch dated(at: afterWeekday, in: context) {
        case (let end, .day(var day))?:
            day.weekday = named
            return (end, .day(day))
        case (let end, .range(var first, let last))?:
            first.weekday = named
            return (end, .range(first, last))
        default:
            // A bare weekday is not a date.
            return nil
        }
    }

    /// The end and form of a date without a weekday starting at `start`.
    private func dated(at start: Int, in context: ParagraphContext) -> (Int, WrittenDate.Form)? {
        guard context.words.indices.contains(start) else { return nil }
        for opening in Self.rangeOpenings where words(context, at: start, equal: opening) {
            if let range = range(at: start + opening.count, in: context) { return range }
            if let years = yearRange(at: start + opening.count, in: context) { return years }
        }
        if Self.yearPairOpenings.contains(hash: context.words[start].keyHash),
            let (end, years) = yearRange(at: start + 1, in: context), case .years(let first, let last) = years,
            last == first + 1
        {
            return (end, years)
        }
        if let range = range(at: start, in: context) { return range }
        if let (end, day) = numericDay(at: start, in: context) { return (end, .day(day)) }
        if let (end, day) = ordinalDay(at: start, in: context) { return (end, .day(day)) }
        if let (day, afterDay) = day(at: start, in: context), let (month, afterMonth) = month(at: afterDay, in: context)
        {
            let (year, end) = year(at: afterMonth, of: month, in: context)
            let written = WrittenDate.Day(month: month, day: day, year: year)
            guard written.exists else { return nil }
            return (end, .day(written))
        }
        if let (month, afterMonth) = month(at: start, in: context) {
            let (year, end) = year(at: afterMonth, of: month, in: context)
            // A month alone is a date with its year or placed from the publication: "أغسطس الماضي".
            guard year != nil || relation(at: end, in: context) != nil else { return nil }
            return (end, .month(month, year: year))
        }
        if let cue = Self.cueReading(of: context.words[start]) {
            let base = context.words[start].readings[cue].baseHash
            if Self.monthWords.contains(hash: base), let (month, afterMonth) = month(at: start + 1, in: context) {
                let (year, end) = year(at: afterMonth, of: month, in: context)
                return (end, .month(month, year: year))
            }
            if Self.yearCues.contains(hash: base), let (year, end) = gregorianYear(at: start + 1, in: context) {
                return (end, .year(year))
            }
        }
        if let (end, decade) = decade(at: start, in: context) { return (end, decade) }
        return nil
    }

    /// Bare years after a preposition ("منذ 2010"): the year alone is the mention.
    func bareYears(in context: ParagraphContext, besides taken: [WrittenDate]) -> [MentionCandidate] {
        // The words the other dates cover, marked once: testing each year against every date
        // made a paragraph of many dates quadratic.
        var isTaken = [Bool](repeating: false, count: context.words.count)
        for date in taken where date.paragraph == context.index {
            for position in date.words where isTaken.indices.contains(position) { isTaken[position] = true }
        }
        return context.words.indices.dropFirst().compactMap { position in
            guard !isTaken[position], let (year, end) = gregorianYear(at: position, in: context),
                context.words[position - 1].readings.contains(where: {
                    Self.yearPrepositions.contains(hash: $0.baseHash)
                })
            else { return nil }
            return context.candidate(
                .date, words: position..<end, reading: context.words[position].readings[0], origin: .date,
                value: CivilDate.pad(year, 4))
        }
    }

    /// "D1 [M1 [Y1]] joiner D2 M2 [Y2]" starting at `start`, both months of one calendar; a
    /// year written on one end is carried to the other.
    private func range(at start: Int, in context: ParagraphContext) -> (Int, WrittenDate.Form)? {
        guard let (firstDay, afterFirstDay) = day(at: start, in: context) else { return nil }
        var position = afterFirstDay
        var firstMonth: Month?
        var firstYear: Int?
        if let (month, afterMonth) = month(at: position, in: context) {
            firstMonth = month
            (firstYear, position) = year(at: afterMonth, of: month, in: context)
        }
        guard context.words.indices.contains(position),
            Self.rangeJoiners.contains(hash: context.words[position].keyHash),
            let (lastDay, afterLastDay) = day(at: position + 1, in: context),
            let (lastMonth, afterMonth) = month(at: afterLastDay, in: context),
            firstMonth.map({ $0.isHijri == lastMonth.isHijri }) ?? true
        else { return nil }
        let (lastYear, end) = year(at: afterMonth, of: lastMonth, in: context)
        let startMonth = firstMonth ?? lastMonth
        // Months that go back cross New Year: "28 دجنبر 2024 إلى 3 يناير" ends in 2025.
        let crossesYear = lastMonth.number < startMonth.number ? 1 : 0
        let first = WrittenDate.Day(
            month: startMonth, day: firstDay, year: firstYear ?? lastYear.map { $0 - crossesYear })
        let last = WrittenDate.Day(month: lastMonth, day: lastDay, year: lastYear ?? firstYear.map { $0 + crossesYear })
        guard first.exists, last.exists, first.precedes(last) else { return nil }
        return (end, .range(first, last))
    }

    /// "Y1 joiner Y2" starting at `start`, after the words that open a range ("من 2025 إلى 2030", "بين 2010
    /// و2015"), the first year before the second.
    private func yearRange(at start: Int, in context: ParagraphContext) -> (Int, WrittenDate.Form)? {
        guard let (first, afterFirst) = gregorianYear(at: start, in: context),
            context.words.indices.contains(afterFirst),
            Self.rangeJoiners.contains(hash: context.words[afterFirst].keyHash),
            let (last, end) = gregorianYear(at: afterFirst + 1, in: context), first < last,
            !isCountedNoun(at: end, in: context)
        else { return nil }
        return (end, .years(first, last))
    }

    /// Whether the word at `position` is a noun that the number before it counts: "من 1950 إلى 2000 مشارك" is no
    /// span of years. A verb there reads the same, so "من 2010 إلى 2015 تضاعف العدد" is left out too. A word
    /// with و or a preposition is counted by nothing: "بين 2015 و2020 بنسبة كبيرة".
    private func isCountedNoun(at position: Int, in context: ParagraphContext) -> Bool {
        guard context.words.indices.contains(position) else { return false }
        let word = context.words[position]
        return word.kind == .word && !word.startsWithArticle && !context.isFunctionWord(at: position)
            && !context.lexicon.isCommonWordAfterProclitic(word) && context.lexicon.isCommonWord(word)
    }

    /// The year written at `position` in the month's calendar, and the position after it (and
    /// after a Hijri era mark هـ); `nil` and `position` when there is none.
    func year(at position: Int, of month: Month, in context: ParagraphContext) -> (Int?, Int) {
        guard month.isHijri else {
            let afterComma = context.isPunctuation(at: position, in: Self.yearCommas) ? position + 1 : position
            guard let (year, end) = gregorianYear(at: afterComma, in: context) else { return (nil, position) }
            return (year, end)
        }
        guard let (year, end) = number(at: position, in: context, digits: 4...4),
            HijriCalendar.plausibleYears.contains(year)
        else { return (nil, position) }
        let hasEraMark = context.words.indices.contains(end) && context.words[end].key == "ه"
        return (year, end + (hasEraMark ? 1 : 0))
    }

    /// Whether the words from `start` have the matching keys whose hashes are `keys`.
    func words(_ context: ParagraphContext, at start: Int, equal keys: [UInt64]) -> Bool {
        keys.indices.allSatisfy {
            context.words.indices.contains(start + $0) && context.words[start + $0].keyHash == keys[$0]
        }
    }

    /// The number written at `position`, bare or in parentheses ("(3)"), and the position after it.
    func number(at position: Int, in context: ParagraphContext, digits: ClosedRange<Int>) -> (Int, Int)? {
        let opened = context.isPunctuation(at: position, in: Self.openingBrackets)
        let numeral = opened ? position + 1 : position
        guard context.words.indices.contains(numeral) else { return nil }
        let word = context.words[numeral]
        guard word.kind == .number, digits.contains(word.key.count), let value = Int(word.key) else { return nil }
        guard opened else { return (value, numeral + 1) }
        return context.isPunctuation(at: numeral + 1, in: Self.closingBrackets) ? (value, numeral + 2) : nil
    }

    /// A day of the month at `position`, and the position after it.
    func day(at position: Int, in context: ParagraphContext) -> (Int, Int)? {
        number(at: position, in: context, digits: 1...2).flatMap { (1...31).contains($0.0) ? $0 : nil }
    }

    /// A Gregorian year a news text may mention at `position`, and the position after it.
    func gregorianYear(at position: Int, in context: ParagraphContext) -> (Int, Int)? {
        number(at: position, in: context, digits: 4...4).flatMap { (1900...2100).contains($0.0) ? $0 : nil }
    }

    /// The month named at `position` and the word after it, with the month's name in a second family when one
    /// follows in brackets or after a slash: "آب (أغسطس)", "تشرين الأول/أكتوبر", "يوليو/تموز", as papers of the
    /// Levant and the Gulf give both.
    func month(at position: Int, in context: ParagraphContext) -> (Month, Int)? {
        guard let (month, end) = monthName(at: position, in: context) else { return nil }
        if context.isPunctuation(at: end, in: Self.openingBrackets),
            let (second, afterSecond) = monthName(at: end + 1, in: context), second == month,
            context.isPunctuation(at: afterSecond, in: Self.closingBrackets)
        {
            return (month, afterSecond + 1)
        }
        if context.isPunctuation(at: end, in: Self.monthSlashes),
            let (second, afterSecond) = monthName(at: end + 1, in: context), second == month
        {
            return (month, afterSecond)
        }
        return (month, end)
    }

    /// The month and the word after a month name written without proclitics. Gregorian months
    /// are named by their number in the gazetteer, Hijri months by H and their number.
    private func monthName(at position: Int, in context: ParagraphContext) -> (Month, Int)? {
        guard let match = context.longestMatch(at: position, [.month]), !match.reading.segmentation.hasProclitics
        else { return nil }
        let canonical = context.lexicon.entry(match.entry).canonical
        let isHijri = canonical.hasPrefix("H")
        guard let number = Int(isHijri ? String(canonical.dropFirst()) : canonical) else { return nil }
        return (Month(number: number, isHijri: isHijri), match.words.upperBound)
    }
}
