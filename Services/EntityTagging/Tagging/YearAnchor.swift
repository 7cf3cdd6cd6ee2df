/// Settles the year of a date written without one, never from the clock.
///
/// The year comes from the article's publication day (its `published_at`, else the day the
/// page gives for itself); see ``CivilDate/likelyYear(ofMonth:day:)``. Without one, it is the
/// year the article's own dates state most often, the one stated nearest on a tie. A weekday
/// written with the day ("الخميس 15 شتنبر") picks among the candidates a year in which the day
/// falls on it: the publication's, then the stated ones, then the years around the
/// publication. When nothing settles the year, there is none.
struct YearAnchor: Sendable {
    /// Where the years of one calendar are stated, by year.
    private struct StatedYears: Sendable {
        /// Each year's positions as `paragraph << 32 | word`, ascending.
        var positions: [Int: [Int]] = [:]
        /// The years most often stated first, then the first stated; at most ``candidateCount``, so that ranking
        /// them for every date stays linear in the text however many years it states.
        var candidates: [Int] = []

        mutating func rank() {
            for year in positions.keys { positions[year]?.sort() }
            candidates = positions.sorted { left, right in
                left.value.count != right.value.count
                    ? left.value.count > right.value.count : (left.value[0], left.key) < (right.value[0], right.key)
            }.prefix(YearAnchor.candidateCount).map(\.key)
        }

        /// The candidates, the most often stated first, then the one stated nearest `position`.
        func ranked(near position: Int) -> [Int] {
            candidates.map { year in (year, positions[year]?.count ?? 0, distance(of: year, to: position)) }
                .sorted { left, right in
                    left.1 != right.1
                        ? left.1 > right.1 : (left.2.0, left.2.1, left.0) < (right.2.0, right.2.1, right.0)
                }
                .map(\.0)
        }

        /// Paragraphs apart, then words apart, of the statement of `year` next to `position` in text order.
        private func distance(of year: Int, to position: Int) -> (Int, Int) {
            guard let statements = positions[year], !statements.isEmpty else { return (Int.max, Int.max) }
            var low = 0
            var high = statements.count
            while low < high {
                let middle = (low + high) / 2
                if statements[middle] < position { low = middle + 1 } else { high = middle }
            }
            return [low - 1, low].filter(statements.indices.contains).map { index in
                (
                    abs((statements[index] >> 32) - (position >> 32)),
                    abs((statements[index] & 0xFFFF_FFFF) - (position & 0xFFFF_FFFF))
                )
            }.min { $0 < $1 } ?? (Int.max, Int.max)
        }
    }

    /// The publication day.
    let reference: CivilDate?
    private let gregorian: StatedYears
    private let hijri: StatedYears

    /// How many years around the publication a weekday may move a date.
    private static let weekdayReach = 5
    /// How many of the stated years a date may take its year from.
    private static let candidateCount = 8

    init(reference: CivilDate?, dates: some Sequence<WrittenDate>) {
        self.reference = reference
        var gregorian = StatedYears()
        var hijri = StatedYears()
        for date in dates {
            for year in date.statedYears {
                let position = date.paragraph << 32 | date.words.lowerBound
                if date.isHijri {
                    hijri.positions[year, default: []].append(position)
                } else {
                    gregorian.positions[year, default: []].append(position)
                }
            }
        }
        gregorian.rank()
        hijri.rank()
        self.gregorian = gregorian
        self.hijri = hijri
    }

    /// The year of `day`, written at word `word` of paragraph `paragraph` without one; `nil`
    /// when nothing settles it. A relation the text writes (``WrittenDate/Relation``) settles it
    /// from the publication before anything else; `wholeMonth` compares months, not days, with it.
    func year(
        of day: WrittenDate.Day, paragraph: Int, word: Int, relation: WrittenDate.Relation? = nil,
        wholeMonth: Bool = false
    ) -> Int? {
        if let relation, let reference, let year = year(of: day, relation, from: reference, wholeMonth: wholeMonth) {
            return year
        }
        let likely = reference.map {
            day.month.isHijri ? HijriCalendar.year(of: $0) : $0.likelyYear(ofMonth: day.month.number, day: day.day)
        }
        let stated = (day.month.isHijri ? hijri : gregorian).ranked(near: paragraph << 32 | word)
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

    /// The year `relation` gives `day` from `reference`; Hijri days only by their year.
    private func year(
        of day: WrittenDate.Day, _ relation: WrittenDate.Relation, from reference: CivilDate, wholeMonth: Bool
    ) -> Int? {
        if case .year(let offset) = relation {
            return (day.month.isHijri ? HijriCalendar.year(of: reference) : reference.year) + offset
        }
        guard !day.month.isHijri else { return nil }
        let written = wholeMonth ? (day.month.number, 0) : (day.month.number, day.day)
        let published = wholeMonth ? (reference.month, 0) : (reference.month, reference.day)
        switch relation {
        case .last: return written < published ? reference.year : reference.year - 1
        case .next: return written > published ? reference.year : reference.year + 1
        case .year: return nil
        }
    }
}
