import ArabicText
import ArticleModel

/// Finds dates written with a month name of any family (ماي, مايو, أيار …) or a Hijri month
/// (رمضان, ذو الحجة): a day and month with an optional year, ranges ("بين 27 و29 ماي",
/// "من 6 إلى 8 ماي", "13 و14 يونيو 2022"), a month with a year, and bare years after عام or
/// سنة (part of the mention) or after a preposition such as منذ or خلال (not part of it).
///
/// A missing year comes from the reference day (publication, else today); see
/// ``CivilDate/likelyYear(ofMonth:day:)``. Hijri dates are given as Gregorian days.
struct DateRecognizer: Sendable {
    let reference: CivilDate

    /// Words that open a range; they are part of the mention.
    private static let rangeOpenings: [[String]] = [["ما", "بين"], ["بين"], ["من"]]
    /// Words and marks that join the two ends of a range.
    private static let rangeJoiners: Set<String> = ["و", "الي", "حتي", "-", "\u{2013}"]
    /// Words that introduce a bare year and belong to its mention.
    private static let yearCues: Set<String> = ["عام", "العام", "سنه", "السنه"]
    /// Words after which a four-digit number is a year; they stay outside the mention.
    private static let yearPrepositions: Set<String> = [
        "منذ", "في", "خلال", "حتي", "قبل", "بعد", "مطلع", "اواخر", "اوائل", "منتصف", "نهايه", "بدايه",
    ]

    /// A month name: its number and its calendar.
    private struct Month {
        let number: Int
        let isHijri: Bool
    }

    func candidates(in context: ParagraphContext) -> [MentionCandidate] {
        var result: [MentionCandidate] = []
        var position = 0
        while position < context.words.count {
            if let (end, value) = parse(at: position, in: context) {
                let reading = context.words[position].readings[0]
                result.append(
                    context.candidate(.date, words: position..<end, reading: reading, origin: .date, value: value))
                position = end
            } else {
                position += 1
            }
        }
        return result
    }

    /// The end and ISO value of a date starting at `start`.
    private func parse(at start: Int, in context: ParagraphContext) -> (Int, String)? {
        for opening in Self.rangeOpenings where words(context, at: start, equal: opening) {
            if let range = range(at: start + opening.count, in: context) { return range }
        }
        if let range = range(at: start, in: context) { return range }
        if let day = day(at: start, in: context), let (month, afterMonth) = month(at: start + 1, in: context) {
            let (year, end) = year(at: afterMonth, of: month, in: context)
            guard let date = self.date(year: year, month: month, day: day) else { return nil }
            return (end, date.iso)
        }
        if let (month, afterMonth) = month(at: start, in: context) {
            let (year, end) = year(at: afterMonth, of: month, in: context)
            guard let year else { return nil }
            if !month.isHijri { return (end, "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month.number, 2))") }
            // A Hijri month is a span of Gregorian days.
            guard let first = HijriCalendar.gregorian(year: year, month: month.number, day: 1),
                let last = HijriCalendar.gregorian(
                    year: year, month: month.number, day: HijriCalendar.daysIn(month: month.number, year: year))
            else { return nil }
            return (end, "\(first.iso)/\(last.iso)")
        }
        if Self.yearCues.contains(context.words[start].key), let year = gregorianYear(at: start + 1, in: context) {
            return (start + 2, CivilDate.pad(year, 4))
        }
        return nil
    }

    /// Bare years after a preposition ("منذ 2010"): the year alone is the mention.
    func bareYears(in context: ParagraphContext, besides taken: [MentionCandidate]) -> [MentionCandidate] {
        // The words the other dates cover, marked once: testing each year against every date
        // made a paragraph of many dates quadratic.
        var isTaken = [Bool](repeating: false, count: context.words.count)
        for date in taken where date.paragraph == context.index {
            for position in date.words where isTaken.indices.contains(position) { isTaken[position] = true }
        }
        return context.words.indices.dropFirst().compactMap { position in
            guard context.words[position - 1].readings.contains(where: { Self.yearPrepositions.contains($0.base) }),
                let year = gregorianYear(at: position, in: context),
                !isTaken[position]
            else { return nil }
            return context.candidate(
                .date, words: position..<(position + 1), reading: context.words[position].readings[0], origin: .date,
                value: CivilDate.pad(year, 4))
        }
    }

    /// "D1 [M1 [Y1]] joiner D2 M2 [Y2]" starting at `start`, both months of one calendar.
    private func range(at start: Int, in context: ParagraphContext) -> (Int, String)? {
        guard let firstDay = day(at: start, in: context) else { return nil }
        var position = start + 1
        var firstMonth: Month?
        var firstYear: Int?
        if let (month, afterMonth) = month(at: position, in: context) {
            firstMonth = month
            (firstYear, position) = year(at: afterMonth, of: month, in: context)
        }
        guard context.words.indices.contains(position), Self.rangeJoiners.contains(context.words[position].key),
            let lastDay = day(at: position + 1, in: context),
            let (lastMonth, afterMonth) = month(at: position + 2, in: context),
            firstMonth.map({ $0.isHijri == lastMonth.isHijri }) ?? true
        else { return nil }
        let (lastYear, end) = year(at: afterMonth, of: lastMonth, in: context)
        let startMonth = firstMonth ?? lastMonth
        let startYear =
            firstYear ?? lastYear.map { startMonth.number > lastMonth.number ? $0 - 1 : $0 }
            ?? referenceYear(month: startMonth, day: firstDay)
        let endYear = lastYear ?? (lastMonth.number < startMonth.number ? startYear + 1 : startYear)
        guard let first = date(year: startYear, month: startMonth, day: firstDay),
            let last = date(year: endYear, month: lastMonth, day: lastDay),
            first.dayNumber < last.dayNumber
        else { return nil }
        return (end, "\(first.iso)/\(last.iso)")
    }

    /// The Gregorian day of a date in the month's calendar; a missing year comes from the
    /// reference day.
    private func date(year: Int?, month: Month, day: Int) -> CivilDate? {
        let year = year ?? referenceYear(month: month, day: day)
        return month.isHijri
            ? HijriCalendar.gregorian(year: year, month: month.number, day: day)
            : CivilDate(year: year, month: month.number, day: day)
    }

    private func referenceYear(month: Month, day: Int) -> Int {
        month.isHijri ? HijriCalendar.year(of: reference) : reference.likelyYear(ofMonth: month.number, day: day)
    }

    /// The year written at `position` in the month's calendar, and the position after it (and
    /// after a Hijri era mark هـ); `nil` and `position` when there is none.
    private func year(at position: Int, of month: Month, in context: ParagraphContext) -> (Int?, Int) {
        guard month.isHijri else {
            let year = gregorianYear(at: position, in: context)
            return (year, year == nil ? position : position + 1)
        }
        guard let year = number(at: position, in: context, digits: 4...4),
            HijriCalendar.plausibleYears.contains(year)
        else { return (nil, position) }
        let hasEraMark = context.words.indices.contains(position + 1) && context.words[position + 1].key == "ه"
        return (year, position + (hasEraMark ? 2 : 1))
    }

    private func words(_ context: ParagraphContext, at start: Int, equal keys: [String]) -> Bool {
        keys.indices.allSatisfy {
            context.words.indices.contains(start + $0) && context.words[start + $0].key == keys[$0]
        }
    }

    private func number(at position: Int, in context: ParagraphContext, digits: ClosedRange<Int>) -> Int? {
        guard context.words.indices.contains(position) else { return nil }
        let word = context.words[position]
        guard word.kind == .number, digits.contains(word.key.count) else { return nil }
        return Int(word.key)
    }

    private func day(at position: Int, in context: ParagraphContext) -> Int? {
        number(at: position, in: context, digits: 1...2).flatMap { (1...31).contains($0) ? $0 : nil }
    }

    private func gregorianYear(at position: Int, in context: ParagraphContext) -> Int? {
        number(at: position, in: context, digits: 4...4).flatMap { (1900...2100).contains($0) ? $0 : nil }
    }

    /// The month and the word after a month name written without proclitics. Gregorian months
    /// are named by their number in the gazetteer, Hijri months by H and their number.
    private func month(at position: Int, in context: ParagraphContext) -> (Month, Int)? {
        guard let match = context.longestMatch(at: position, [.month]), !match.reading.segmentation.hasProclitics
        else { return nil }
        let canonical = context.lexicon.entry(match.entry).canonical
        let isHijri = canonical.hasPrefix("H")
        guard let number = Int(isHijri ? String(canonical.dropFirst()) : canonical) else { return nil }
        return (Month(number: number, isHijri: isHijri), match.words.upperBound)
    }
}
