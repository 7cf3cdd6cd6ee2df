internal import ArabicText
import Foundation

/// A day of the Gregorian calendar, without time or zone.
struct CivilDate: Sendable, Hashable {
    let year: Int
    let month: Int
    let day: Int

    /// `nil` unless the day exists (no 30 February).
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in UTC.
    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        year = components.year ?? 1970
        month = components.month ?? 1
        day = components.day ?? 1
    }

    /// The day a page gives for itself.
    init?(_ day: PageDate) {
        self.init(year: day.year, month: day.month, day: day.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01, for distances between dates.
    var dayNumber: Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 for Sunday to 6 for Saturday; 1970-01-01 was a Thursday.
    var weekday: Int {
        ((dayNumber + 4) % 7 + 7) % 7
    }

    /// ISO 8601: 2025-05-27.
    var iso: String {
        "\(Self.pad(year, 4))-\(Self.monthDay(month: month, day: day))"
    }

    /// A month and day in the ISO 8601 form without the year: 05-27.
    static func monthDay(month: Int, day: Int) -> String {
        "\(pad(month, 2))-\(pad(day, 2))"
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The year of `day month` as an article written on `self` most likely means it: the same
    /// year, unless that puts the day more than eight months away, which points across New Year
    /// ("28 دجنبر" in January is last December; "5 يناير" in December is next January).
    func likelyYear(ofMonth month: Int, day: Int) -> Int {
        guard let sameYear = CivilDate(year: year, month: month, day: min(day, 28)) else { return year }
        let distance = sameYear.dayNumber - dayNumber
        if distance > 243 { return year - 1 }
        if distance < -243 { return year + 1 }
        return year
    }
}
