import ArabicText
import ArticleModel

/// Finds dates written with a month name of any family (ماي, مايو, أيار …): a day and month
/// with an optional year, ranges ("بين 27 و29 ماي", "من 6 إلى 8 ماي", "13 و14 يونيو 2022"),
/// a month with a year, and a year after عام or سنة.
///
/// A missing year comes from the reference day (publication, else today); see
/// ``CivilDate/likelyYear(ofMonth:day:)``.
struct DateRecognizer: Sendable {
    let reference: CivilDate

    /// Words that open a range; they are part of the mention.
    private static let rangeOpenings: [[String]] = [["ما", "بين"], ["بين"], ["من"]]
    /// Words and marks that join the two ends of a range.
    private static let rangeJoiners: Set<String> = ["و", "الي", "حتي", "-", "\u{2013}"]
    /// Words that introduce a bare year.
    private static let yearCues: Set<String> = ["عام", "العام", "سنه", "السنه"]

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
            let year = year(at: afterMonth, in: context)
            let resolvedYear = year ?? reference.likelyYear(ofMonth: month, day: day)
            guard let date = CivilDate(year: resolvedYear, month: month, day: day) else { return nil }
            return (year == nil ? afterMonth : afterMonth + 1, date.iso)
        }
        if let (month, afterMonth) = month(at: start, in: context), let year = year(at: afterMonth, in: context) {
            return (afterMonth + 1, "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))")
        }
        if Self.yearCues.contains(context.words[start].key), let year = year(at: start + 1, in: context) {
            return (start + 2, CivilDate.pad(year, 4))
        }
        return nil
    }

    /// "D1 [M1 [Y1]] joiner D2 M2 [Y2]" starting at `start`.
    private func range(at start: Int, in context: ParagraphContext) -> (Int, String)? {
        guard let firstDay = day(at: start, in: context) else { return nil }
        var position = start + 1
        var firstMonth: Int?
        var firstYear: Int?
        if let (month, afterMonth) = month(at: position, in: context) {
            firstMonth = month
            position = afterMonth
            firstYear = year(at: position, in: context)
            if firstYear != nil { position += 1 }
        }
        guard context.words.indices.contains(position), Self.rangeJoiners.contains(context.words[position].key),
            let lastDay = day(at: position + 1, in: context),
            let (lastMonth, afterMonth) = month(at: position + 2, in: context)
        else { return nil }
        let lastYear = year(at: afterMonth, in: context)
        let startMonth = firstMonth ?? lastMonth
        let startYear =
            firstYear
            ?? lastYear.map { startMonth > lastMonth ? $0 - 1 : $0 }
            ?? reference.likelyYear(ofMonth: startMonth, day: firstDay)
        let endYear = lastYear ?? (lastMonth < startMonth ? startYear + 1 : startYear)
        guard let first = CivilDate(year: startYear, month: startMonth, day: firstDay),
            let last = CivilDate(year: endYear, month: lastMonth, day: lastDay),
            first.dayNumber < last.dayNumber
        else { return nil }
        return (lastYear == nil ? afterMonth : afterMonth + 1, "\(first.iso)/\(last.iso)")
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

    private func year(at position: Int, in context: ParagraphContext) -> Int? {
        number(at: position, in: context, digits: 4...4).flatMap { (1900...2100).contains($0) ? $0 : nil }
    }

    /// The month number and the word after a month name written without proclitics.
    private func month(at position: Int, in context: ParagraphContext) -> (Int, Int)? {
        guard let match = context.longestMatch(at: position, [.month]), !match.reading.segmentation.hasProclitics,
            let month = Int(context.lexicon.entry(match.entry).canonical)
        else { return nil }
        return (month, match.words.upperBound)
    }
}
