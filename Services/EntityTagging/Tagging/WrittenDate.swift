/// A date as the text writes it, before a missing year is settled by a ``YearAnchor``.
struct WrittenDate: Sendable {
    /// A month name's number and calendar.
    struct Month: Sendable, Hashable {
        let number: Int
        let isHijri: Bool
    }

    /// A day of a month in the month's calendar, with its year and weekday when written.
    struct Day: Sendable {
        let month: Month
        let day: Int
        var year: Int?
        /// The weekday written before the day, 0 for Sunday to 6 for Saturday.
        var weekday: Int?
    }

    /// The century a decade is in, as the text says it.
    enum Century: Sendable, Hashable {
        /// By its first year: "القرن العشرين" is 1900.
        case starting(Int)
        /// "القرن الماضي": the one before the publication's.
        case previous
        /// "القرن الحالي": the publication's.
        case current
        /// Not said: "الثمانينات" alone is of the twentieth century.
        case unsaid
    }

    /// Where the text places a date written without its year, from the publication: "أغسطس الماضي",
    /// "يناير المقبل", "12 ديسمبر من العام الماضي".
    enum Relation: Sendable, Equatable {
        /// The last such day or month before the publication (الماضي, المنصرم).
        case last
        /// The first one after it (المقبل, القادم).
        case next
        /// Of the publication's year moved by `offset`: 0 for الجاري or "من هذا العام", -1 for "من العام الماضي".
        case year(offset: Int)
    }

    enum Form: Sendable {
        case day(Day)
        /// Two days of one calendar; a year written on either end is on both.
        case range(Day, Day)
        /// A month with its year, or alone after شهر.
        case month(Month, year: Int?)
        case year(Int)
        /// A span of whole years: "من 2025 إلى 2030".
        case years(Int, Int)
        /// The decade of the tens 2 to 9 ("الثمانينات": 8) in its century.
        case decade(tens: Int, century: Century)
    }

    let paragraph: Int
    /// The paragraph words the mention covers.
    let words: Range<Int>
    let form: Form
    /// Where the text places the date from the publication, when it writes no year.
    let relation: Relation?
    /// The reading of the first word the mention starts with: a later one than the whole word when
    /// a conjunction or preposition before a cue word stays outside it (the ل of "لسنة 2025").
    let firstReading: Int

    /// Whether the date is of the Hijri calendar.
    var isHijri: Bool {
        switch form {
        case .day(let day), .range(let day, _): day.month.isHijri
        case .month(let month, _): month.isHijri
        case .year, .years, .decade: false
        }
    }

    /// The years the text writes in this date, in its calendar: what dates the article's other days.
    var statedYears: [Int] {
        switch form {
        case .day(let day): day.year.map { [$0] } ?? []
        case .range(let first, let last): Set([first.year, last.year].compactMap { $0 }).sorted()
        case .month(_, let year): year.map { [$0] } ?? []
        case .year(let year): [year]
        case .years(let first, let last): [first, last]
        case .decade: []
        }
    }
}

extension WrittenDate.Form {
    /// Whether the text writes the date's year, or the date is years: nothing places it further.
    var writesYear: Bool {
        switch self {
        case .day(let day): day.year != nil
        case .range(let first, let last): first.year != nil || last.year != nil
        case .month(_, let year): year != nil
        case .year, .years, .decade: true
        }
    }
}

extension WrittenDate.Day {
    /// Whether the day exists in its year, or in some year when the year is unknown (29
    /// February does).
    var exists: Bool {
        guard month.isHijri else {
            return CivilDate(year: year ?? 2000, month: month.number, day: day) != nil
        }
        guard let year else { return day <= 30 }
        return day <= HijriCalendar.daysIn(month: month.number, year: year)
    }

    /// Whether `self` comes before `other` of the same calendar; without years, a later month
    /// or day comes after, and an earlier month is in the next year ("28 دجنبر إلى 3 يناير").
    func precedes(_ other: Self) -> Bool {
        if let year, let otherYear = other.year {
            return (year, month.number, day) < (otherYear, other.month.number, other.day)
        }
        return month.number > other.month.number || (month.number, day) < (other.month.number, other.day)
    }

    /// The Gregorian day, once the year is known.
    var civilDate: CivilDate? {
        guard let year else { return nil }
        return month.isHijri
            ? HijriCalendar.gregorian(year: year, month: month.number, day: day)
            : CivilDate(year: year, month: month.number, day: day)
    }
}
