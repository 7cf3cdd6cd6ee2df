/// A day of the Gregorian calendar that a page prints about itself; see ``CleanedPage/pageDate``.
public struct PageDate: Sendable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a page's own date can fall in; anything else is a misread number.
    static let plausibleYears = 1900...2100

    /// `nil` unless the day exists (no 30 February) in a plausible year.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.plausibleYears.contains(year), (1...12).contains(month) else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days =
            switch month {
            case 2: isLeap ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        guard (1...days).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601: 2025-05-28.
    public var iso: String {
        func pad(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
