import ArabicText

extension DateRecognizer {
    /// Weekday names by the hash of their matching key, numbered from Sunday, 0, as ``CivilDate/weekday``.
    private static let weekdays: [UInt64: Int] = Dictionary(
        uniqueKeysWithValues: ["الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"].enumerated().map
        {
            (FNV1a(scalars: $1.unicodeScalars).value, $0)
        })
    /// Words before a weekday that belong to the date: "يوم الخميس", "صباح الخميس".
    private static let weekdayLeads = WordHashSet(["يوم", "صباح", "مساء", "ليله", "ظهر", "فجر"])
    /// Marks between a weekday and its day: "الخميس، 15 شتنبر".
    private static let weekdayMarks: Set<String> = ["\u{060C}", ","]

    /// The word after a weekday name starting at `position` (with a leading "يوم" or time of
    /// day, and a comma after it), and the weekday.
    func weekday(at position: Int, in context: ParagraphContext) -> (Int, Int)? {
        var position = position
        if context.words.indices.contains(position), Self.weekdayLeads.contains(hash: context.words[position].keyHash) {
            position += 1
        }
        guard context.words.indices.contains(position), let weekday = Self.weekdays[context.words[position].keyHash]
        else { return nil }
        position += 1
        if context.isPunctuation(at: position, in: Self.weekdayMarks) { position += 1 }
        return (position, weekday)
    }
}
