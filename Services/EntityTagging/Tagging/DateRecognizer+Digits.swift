import ArabicText

extension DateRecognizer {
    /// Marks between the parts of a day written in digits; "." joins them into one number token.
    private static let digitSeparators: Set<String> = ["/", "-"]

    /// A day written in digits starting at `start`, and the word after it: day first
    /// (15/09/2022, 15-9-2022, 15.09.2022, as Arabic news writes them) or year first
    /// (2022-09-15, 2022/09/15), the parts joined without spaces.
    func numericDay(at start: Int, in context: ParagraphContext) -> (Int, WrittenDate.Day)? {
        guard context.words.indices.contains(start), context.words[start].kind == .number else { return nil }
        var parts = context.words[start].key.split(separator: ".").map(String.init)
        var end = start + 1
        if parts.count == 1 {
            let words = context.words
            guard start + 4 < words.count, Self.digitSeparators.contains(words[start + 1].key),
                words[start + 3].key == words[start + 1].key, words[start + 2].kind == .number,
                words[start + 4].kind == .number,
                (start..<(start + 4)).allSatisfy({
                    words[$0].token.normalizedRange.upperBound == words[$0 + 1].token.normalizedRange.lowerBound
                })
            else { return nil }
            parts = [words[start].key, words[start + 2].key, words[start + 4].key]
            end = start + 5
        }
        guard parts.count == 3, parts[1].count <= 2, let month = Int(parts[1]) else { return nil }
        let (dayPart, yearPart) = parts[0].count == 4 ? (parts[2], parts[0]) : (parts[0], parts[2])
        guard dayPart.count <= 2, yearPart.count == 4, let day = Int(dayPart), let year = Int(yearPart),
            (1900...2100).contains(year)
        else { return nil }
        let written = WrittenDate.Day(month: Month(number: month, isHijri: false), day: day, year: year)
        return written.exists ? (end, written) : nil
    }
}
