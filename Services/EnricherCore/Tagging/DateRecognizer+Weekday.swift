extension DateRecognizer {
    /// Weekday names by matching key, numbered from Sunday, 0, as ``CivilDate/weekday``.
    private static let weekdays: [String: Int] = [
        "الاحد": 0, "الاثنين": 1, "الثلاثاء": 2, "الاربعاء": 3, "الخميس": 4, "الجمعه": 5, "السبت": 6,
    ]
    /// Words before a weekday that belong to the date: "يوم الخميس", "صباح الخميس".
    private static let weekdayLeads: Set<String> = ["يوم", "صباح", "مساء", "ليله", "ظهر", "فجر"]
    /// Marks between a weekday and its day: "الخميس، 15 شتنبر".
    private static let weekdayMarks: Set<String> = ["\u{060C}", ","]

    /// The word after a weekday name starting at `position` (with a leading "يوم" or time of
    /// day, and a comma after it), and the weekday.
    func weekday(at position: Int, in context: ParagraphContext) -> (Int, Int)? {
        var position = position
        if context.words.indices.contains(position), Self.weekdayLeads.contains(context.words[position].key) {
            position += 1
        }
        guard context.words.indices.contains(position), let weekday = Self.weekdays[context.words[position].key]
        else { return nil }
        position += 1
        if context.isPunctuation(at: position, in: Self.weekdayMarks) { position += 1 }
        return (position, weekday)
    }
}
