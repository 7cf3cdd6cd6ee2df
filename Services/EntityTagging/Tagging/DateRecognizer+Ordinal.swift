import ArabicText

extension DateRecognizer {
    /// Ordinals that name a day alone, as matching keys.
    private static let dayWords = [
        "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8,
        "التاسع": 9, "العاشر": 10, "العشرين": 20, "الثلاثين": 30,
    ]
    /// Ordinal units that open a two-word day: "الحادي عشر", "الخامس والعشرين". الحادي and الواحد only do.
    private static let unitWords = [
        "الحادي": 1, "الواحد": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
        "الثامن": 8, "التاسع": 9,
    ]
    /// ``dayWords`` and ``unitWords`` by the hash of their matching key.
    private static let ordinalDays = hashed(dayWords)
    private static let ordinalUnits = hashed(unitWords)
    /// The second word of a two-word day, by what it adds to the unit.
    private static let ordinalTens = hashed(["عشر": 10, "والعشرين": 20, "والثلاثين": 30])
    /// Every word that may open an ordinal day: one probe of this set turns most words away, cheaper than the two
    /// dictionaries' hashing.
    private static let ordinalOpenings = WordHashSet(Set(dayWords.keys).union(unitWords.keys))
    /// The word between an ordinal day and its month.
    private static let ordinalOf = FNV1a(scalars: "من".unicodeScalars).value

    private static func hashed(_ values: [String: Int]) -> [UInt64: Int] {
        Dictionary(uniqueKeysWithValues: values.map { (FNV1a(scalars: $0.key.unicodeScalars).value, $0.value) })
    }

    /// A day written as an ordinal before من and its month, starting at `start` ("السابع من أكتوبر",
    /// "الحادي عشر من سبتمبر 2001", "الخامس والعشرين من ديسمبر"), with the year after the month when written; and
    /// the word after it.
    ///
    /// After a definite noun the ordinal is that noun's adjective, not a day: "الأسبوع الأول من يناير" is a week.
    /// A weekday is the exception ("الخميس السابع من مارس").
    func ordinalDay(at start: Int, in context: ParagraphContext) -> (Int, WrittenDate.Day)? {
        let words = context.words
        guard words.indices.contains(start), Self.ordinalOpenings.contains(hash: words[start].keyHash) else {
            return nil
        }
        var day: Int
        var position = start + 1
        if let unit = Self.ordinalUnits[words[start].keyHash], words.indices.contains(position),
            let tens = Self.ordinalTens[words[position].keyHash]
        {
            day = unit + tens
            position += 1
        } else if let single = Self.ordinalDays[words[start].keyHash] {
            day = single
        } else {
            return nil
        }
        guard words.indices.contains(position), words[position].keyHash == Self.ordinalOf,
            let (month, afterMonth) = month(at: position + 1, in: context)
        else { return nil }
        if start > 0, words[start - 1].isDefinite, weekday(at: start - 1, in: context) == nil { return nil }
        let (year, end) = year(at: afterMonth, of: month, in: context)
        let written = WrittenDate.Day(month: month, day: day, year: year)
        return written.exists ? (end, written) : nil
    }
}
