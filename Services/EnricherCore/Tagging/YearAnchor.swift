/// Settles the year of a date written without one, never from the clock.
///
/// The year comes from the article's publication day (its `published_at`, else the day the
/// page gives for itself); see ``CivilDate/likelyYear(ofMonth:day:)``. Without one, it is the
/// year the article's own dates state most often, the one stated nearest on a tie. A weekday
/// written with the day ("الخميس 15 شتنبر") picks among the candidates a year in which the day
/// falls on it: the publication's, then the stated ones, then the years around the
/// publication. When nothing settles the year, there is none.
struct YearAnchor: Sendable {
    /// A year an article's date writes, and where.
    private struct StatedYear {
        let year: Int
        let isHijri: Bool
        let paragraph: Int
        let word: Int
    }

    /// The publication day.
    let reference: CivilDate?
    private let stated: [StatedYear]

    /// How many years around the publication a weekday may move a date.
    private static let weekdayReach = 5

    init(reference: CivilDate?, dates: some Sequence<WrittenDate>) {
        self.reference = reference
        stated = dates.flatMap { date in
            date.statedYears.map {
                StatedYear(year: $0, isHijri: date.isHijri, paragraph: date.paragraph, word: date.words.lowerBound)
            }
        }
    }

    /// The year of `day`, written at word `word` of paragraph `paragraph` without one; `nil`
    /// when nothing settles it.
    func year(of day: WrittenDate.Day, paragraph: Int, word: Int) -> Int? {
        let likely = reference.map {
            day.month.isHijri ? HijriCalendar.year(of: $0) : $0.likelyYear(ofMonth: day.month.number, day: day.day)
        }
        let stated = statedYears(isHijri: day.month.isHijri, nearParagraph: paragraph, word: word)
        guard let weekday = day.weekday else { return likely ?? stated.first }
        let fits = { (year: Int) in
            var dated = day
            dated.year = year
            return dated.civilDate?.weekday == weekday
        }
        if let likely, fits(likely) { return likely }
        if let year = stated.first(where: fits) { return year }
        guard let likely else { return nil }
        // Nearest first, the past before the future: news mostly reports what happened.
        let around = (1...Self.weekdayReach).flatMap { [likely - $0, likely + $0] }
        // A weekday that fits no year near the publication is a slip; the publication still dates the day.
        return around.first(where: fits) ?? likely
    }

    /// The stated years of one calendar, the most often stated first, then the nearest.
    private func statedYears(isHijri: Bool, nearParagraph paragraph: Int, word: Int) -> [Int] {
        var counts: [Int: (count: Int, distance: (Int, Int))] = [:]
        for stated in stated where stated.isHijri == isHijri {
            let distance = (abs(stated.paragraph - paragraph), abs(stated.word - word))
            let known = counts[stated.year] ?? (count: 0, distance: distance)
            counts[stated.year] = (
                count: known.count + 1, distance: distance < known.distance ? distance : known.distance
            )
        }
        return counts.sorted { left, right in
            left.value.count != right.value.count
                ? left.value.count > right.value.count
                : (left.value.distance.0, left.value.distance.1, left.key)
                    < (right.value.distance.0, right.value.distance.1, right.key)
        }.map(\.key)
    }
}
