extension DateRecognizer {
    /// The tens of a decade by the stem of its noun (الثمانينات, ثمانينيات: ثمانين), as matching keys.
    private static let decadeTens: [String: Int] = [
        "عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8, "تسعين": 9,
    ]
    /// Words after القرن that name a century relative to the publication.
    private static let relativeCenturies: [String: WrittenDate.Century] = [
        "الماضي": .previous, "المنصرم": .previous, "السابق": .previous, "الحالي": .current, "الجاري": .current,
    ]
    /// Ordinals after القرن, by their first word, and the century's first year.
    private static let ordinalCenturies: [String: Int] = ["العشرين": 1900, "التاسع": 1800, "الحادي": 2000]

    /// A decade starting at `start` ("الثمانينات", "ثمانينيات القرن الماضي") and the word after it.
    ///
    /// Without a century, العشرينات is left alone (it may be either century), and so is a decade
    /// of someone's age ("في الأربعينات من عمره").
    func decade(at start: Int, in context: ParagraphContext) -> (Int, WrittenDate.Form)? {
        let words = context.words
        // Most words do not end in ت: they need no name key built, nor a String suffix test, which normalizes.
        guard words.indices.contains(start), words[start].key.unicodeScalars.last == "\u{062A}",
            let tens = Self.tens(of: words[start].nameKey)
        else { return nil }
        if let (century, end) = century(at: start + 1, in: context) {
            return (end, .decade(tens: tens, century: century))
        }
        let aboutAge =
            words.indices.contains(start + 2) && words[start + 1].key == "من"
            && words[start + 2].readings.contains { $0.stem.hasPrefix("عمر") }
        guard tens >= 3, !aboutAge else { return nil }
        return (start + 1, .decade(tens: tens, century: .unsaid))
    }

    /// The tens of a decade noun without its article: the stem with ات or يات after it.
    private static func tens(of key: String) -> Int? {
        for ending in ["يات", "ات"] where key.hasSuffix(ending) {
            if let tens = decadeTens[String(key.dropLast(ending.count))] { return tens }
        }
        return nil
    }

    /// "القرن الماضي", "القرن العشرين", "القرن التاسع عشر", "القرن 20" at `position`, and the word after it.
    private func century(at position: Int, in context: ParagraphContext) -> (WrittenDate.Century, Int)? {
        let words = context.words
        guard words.indices.contains(position + 1), words[position].key == "القرن" else { return nil }
        let next = words[position + 1].key
        if let relative = Self.relativeCenturies[next] { return (relative, position + 2) }
        if let first = Self.ordinalCenturies[next] {
            // التاسع عشر and الحادي والعشرين are written in two words.
            let isTwoWords = first != 1900 && words.indices.contains(position + 2)
            return (.starting(first), position + (isTwoWords ? 3 : 2))
        }
        if let (number, end) = number(at: position + 1, in: context, digits: 2...2), (15...21).contains(number) {
            return (.starting((number - 1) * 100), end)
        }
        return nil
    }
}
