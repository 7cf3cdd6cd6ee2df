extension WrittenDate {
    /// The ISO 8601 value, its missing year settled by `anchor`: `2022-09-15`, a range
    /// `2025-05-27/2025-05-29`, `2025-07`, `2010` or a decade in reduced precision, `198` (as
    /// TIMEX3 writes it), years `2025/2030`. A day or month whose year nothing settles keeps the year unknown in the
    /// reduced form `--09-15` (`--05-27/--05-29` for a range, `--07` for a month). Hijri dates are
    /// given as Gregorian days, so one without a settled year has no value.
    func value(_ anchor: YearAnchor) -> String? {
        switch form {
        case .day(var day):
            if day.year == nil {
                day.year = anchor.year(of: day, paragraph: paragraph, word: words.lowerBound, relation: relation)
            }
            return Self.value(of: day)
        case .range(var first, var last):
            if first.year == nil,
                let year = anchor.year(of: first, paragraph: paragraph, word: words.lowerBound, relation: relation)
            {
                first.year = year
                last.year = year + (last.month.number < first.month.number ? 1 : 0)
            }
            guard let start = Self.value(of: first), let end = Self.value(of: last) else { return nil }
            if let firstDay = first.civilDate, let lastDay = last.civilDate, firstDay.dayNumber >= lastDay.dayNumber {
                return nil
            }
            return "\(start)/\(end)"
        case .month(let month, nil):
            // The middle of the month stands for it when the publication day settles its year.
            let middle = Day(month: month, day: 15)
            guard
                let year = anchor.year(
                    of: middle, paragraph: paragraph, word: words.lowerBound, relation: relation, wholeMonth: true)
            else {
                return month.isHijri ? nil : "--\(CivilDate.pad(month.number, 2))"
            }
            return Self.value(of: month, year: year)
        case .month(let month, let year?):
            return Self.value(of: month, year: year)
        case .year(let year):
            return CivilDate.pad(year, 4)
        case .years(let first, let last):
            return "\(CivilDate.pad(first, 4))/\(CivilDate.pad(last, 4))"
        case .decade(let tens, let century):
            return String(Self.firstYear(of: century, publishedIn: anchor.reference?.year) / 10 + tens)
        }
    }

    /// A Gregorian month, or the Gregorian days of a Hijri one.
    private static func value(of month: Month, year: Int) -> String? {
        guard month.isHijri else { return "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month.number, 2))" }
        // A Hijri month is a span of Gregorian days.
        let days = HijriCalendar.daysIn(month: month.number, year: year)
        guard let first = HijriCalendar.gregorian(year: year, month: month.number, day: 1),
            let last = HijriCalendar.gregorian(year: year, month: month.number, day: days)
        else { return nil }
        return "\(first.iso)/\(last.iso)"
    }

    /// The first year of a century; without a publication year, one of this century is assumed,
    /// as in news written today (a fixed assumption, not the clock).
    private static func firstYear(of century: Century, publishedIn year: Int?) -> Int {
        let current = ((year ?? 2001) - 1) / 100 * 100
        switch century {
        case .starting(let first): return first
        case .previous: return current - 100
        case .current: return current
        case .unsaid: return 1900
        }
    }

    /// A Gregorian day with or without its year, or a Hijri day of a known year.
    private static func value(of day: Day) -> String? {
        if day.year != nil { return day.civilDate?.iso }
        return day.month.isHijri ? nil : "--\(CivilDate.monthDay(month: day.month.number, day: day.day))"
    }
}
