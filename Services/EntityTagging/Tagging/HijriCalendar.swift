import Foundation

/// Converts Hijri dates (Umm al-Qura, the calendar Saudi Arabia publishes and most Arabic news
/// follows) to Gregorian days.
enum HijriCalendar {
    /// The years a Hijri year number in news text falls in.
    static let plausibleYears = 1300...1500

    /// The Gregorian day of a Hijri date, or `nil` when the date does not exist.
    static func gregorian(year: Int, month: Int, day: Int) -> CivilDate? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            let date = hijri.date(from: DateComponents(year: year, month: month, day: day))
        else { return nil }
        return CivilDate(date)
    }

    /// The number of days of a Hijri month (29 or 30).
    static func daysIn(month: Int, year: Int) -> Int {
        guard let first = hijri.date(from: DateComponents(year: year, month: month, day: 1)),
            let days = hijri.range(of: .day, in: .month, for: first)
        else { return 30 }
        return days.count
    }

    /// The Hijri year that a Gregorian day falls in.
    static func year(of day: CivilDate) -> Int {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = utc
        guard let date = gregorian.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
        else { return 1447 }
        return hijri.component(.year, from: date)
    }

    private static let utc = TimeZone(identifier: "UTC") ?? TimeZone.current

    private static let hijri: Calendar = {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = utc
        return calendar
    }()
}
