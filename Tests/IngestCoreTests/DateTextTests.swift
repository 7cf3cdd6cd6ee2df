import ArticleModel
import Foundation
import Testing

@Suite("Dates and times as people write them")
struct DateTextTests {
    private static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test(
        "a day is midnight UTC; RFC 3339 times keep their offset and fraction; spaces around are ignored",
        arguments: [
            ("2025-01-01", utc(2025, 1, 1)),
            (" 2025-05-28 ", utc(2025, 5, 28)),
            ("2025-05-28T09:30:00Z", utc(2025, 5, 28, 9, 30)),
            ("2025-05-28T10:30:00+01:00", utc(2025, 5, 28, 9, 30)),
            ("2025-05-28T09:30:00.250Z", utc(2025, 5, 28, 9, 30).addingTimeInterval(0.25)),
        ])
    func accepted(text: String, expected: Date) throws {
        let date = try #require(DateText.instant(text))
        #expect(abs(date.timeIntervalSince(expected)) < 0.001)
    }

    @Test("what is not a day or a time is refused", arguments: ["", "2025", "28/05/2025", "2025-13-01", "yesterday"])
    func refused(text: String) {
        #expect(DateText.instant(text) == nil)
    }

    @Test("day() takes days only")
    func dayOnly() {
        #expect(DateText.day("2025-05-28") == Self.utc(2025, 5, 28))
        #expect(DateText.day("2025-05-28T09:30:00Z") == nil)
    }
}
