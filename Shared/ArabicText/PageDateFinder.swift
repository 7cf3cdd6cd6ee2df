/// Finds the day a page gives for itself, most trusted first: a "تاريخ النشر: …" line, an
/// "آخر تحديث: …" line, a dateline opening the first paragraph ("الرباط في 28 ماي 2025 -"), a
/// picture named after the day it was taken (`IMG-20250528-WA0088`), and a short line holding a
/// date before the body (a header's date, which may be the day the page was saved).
///
/// Only lines before the other stories are read: a related-articles list dates its own stories.
struct PageDateFinder: Sendable {
    private let tokenizer = ArabicTokenizer()
    /// Phrases that label a line with the publication day, wherever they stand in it.
    private let publicationLabels: [[UInt64]]
    /// Openings that label a line with the publication day; inside a sentence they mean
    /// something else ("نشر في الجريدة الرسمية").
    private let publicationOpenings: [[UInt64]]
    /// Phrases that label a line with the day of the last update.
    private let updateLabels: [[UInt64]]
    /// Gregorian month numbers by the matching keys of their names' words, in every family.
    private let months: [[String]: Int]

    init(normalizer: ArabicNormalizer) {
        func keys(_ phrases: [String]) -> [[UInt64]] {
            phrases.map { PageLine.lines(of: normalizer.matchingKey($0)).first?.words ?? [] }
        }
        publicationLabels = keys(["تاريخ النشر", "نشر بتاريخ", "تم النشر", "تاريخ الخبر", "published"])
        publicationOpenings = keys(["نشر في", "نشر يوم", "نشرت في"])
        updateLabels = keys(["آخر تحديث", "تاريخ التحديث", "تم التحديث", "updated"])
        let names = [
            ["يناير", "ينار", "جانفي", "كانون الثاني"],
            ["فبراير", "فبرير", "فيفري", "شباط"],
            ["مارس", "آذار"],
            ["أبريل", "إبريل", "أفريل", "نيسان"],
            ["مايو", "ماي", "أيار"],
            ["يونيو", "يونيه", "يونيوز", "جوان", "حزيران"],
            ["يوليو", "يوليوز", "يوليه", "جويلية", "تموز"],
            ["أغسطس", "غشت", "أوت", "آب"],
            ["سبتمبر", "شتنبر", "أيلول"],
            ["أكتوبر", "تشرين الأول"],
            ["نوفمبر", "نونبر", "تشرين الثاني"],
            ["ديسمبر", "دجنبر", "كانون الأول"],
        ]
        var months: [[String]: Int] = [:]
        for (index, spellings) in names.enumerated() {
            for spelling in spellings {
                months[normalizer.key(spelling).split(separator: " ").map(String.init)] = index + 1
            }
        }
        self.months = months
    }

    /// The page's own day, if it gives one.
    /// - Parameters:
    ///   - key: the page's matching key, which the lines index.
    ///   - kept: the indices of the kept body lines, in page order.
    ///   - tailStart: the index of the first line of other stories (or the line count).
    func date(in key: NormalizedText, lines: [PageLine], kept: [Int], tailStart: Int) -> PageDate? {
        let page = lines[..<min(tailStart, lines.count)]
        let labelled = [
            page.filter { line in
                line.wordCount <= 15
                    && (publicationLabels.contains(where: line.contains(phrase:))
                        || publicationOpenings.contains(where: line.starts(with:)))
            },
            page.filter { $0.wordCount <= 15 && updateLabels.contains(where: $0.contains(phrase:)) },
        ]
        for group in labelled {
            for line in group {
                if let date = firstDate(in: words(of: line.normalizedRange, in: key))?.date { return date }
            }
        }
        if let first = kept.first, let date = dateline(lines[first], in: key) { return date }
        for line in page where line.otherLetters > 0 && line.digits >= 8 && line.wordCount <= 8 {
            if let date = imageDate(in: words(of: line.normalizedRange, in: key)) { return date }
        }
        for line in page[..<min(kept.first ?? page.count, page.count)] where line.wordCount <= 12 {
            if let date = firstDate(in: words(of: line.normalizedRange, in: key))?.date { return date }
        }
        return nil
    }

    /// A date among the first words of the body, closed by a dash, colon or parenthesis as an
    /// agency dateline is; a date inside the opening sentence is the news, not the page's day.
    private func dateline(_ line: PageLine, in key: NormalizedText) -> PageDate? {
        // A dateline's place and date fit in the first hundred or so letters.
        let start = line.normalizedRange.lowerBound
        let range = start..<min(line.normalizedRange.upperBound, start + 120)
        let words = words(of: range, in: key)
        guard let (date, start, end) = firstDate(in: words), start <= 4, words.indices.contains(end),
            ["-", "\u{2013}", "\u{2014}", ":", "("].contains(words[end].text)
        else { return nil }
        return date
    }

    /// A token of a line: its matching key, kind and place in the page's key.
    private struct Word {
        let text: String
        let kind: Token.Kind
        let range: Range<Int>

        var number: Int? { kind == .number ? Int(text) : nil }
    }

    private func words(of range: Range<Int>, in key: NormalizedText) -> [Word] {
        tokenizer.tokenize(key, in: range).map { token in
            Word(
                text: String(scalars: key.scalars[token.normalizedRange]), kind: token.kind,
                range: token.normalizedRange)
        }
    }

    /// The first date written with day, month and year (28 ماي 2025, 28/05/2025, 2025-05-28,
    /// 28.05.2025), with the index of its first word and of the word after it.
    private func firstDate(in words: [Word]) -> (date: PageDate, start: Int, end: Int)? {
        for start in words.indices {
            if let (date, end) = namedDate(in: words, at: start) ?? numericDate(in: words, at: start) {
                return (date, start, end)
            }
        }
        return nil
    }

    /// "28 ماي 2025": a day, a month name of one or two words, a four-digit year.
    private func namedDate(in words: [Word], at start: Int) -> (PageDate, Int)? {
        guard let day = words[start].number, words[start].text.count <= 2 else { return nil }
        for length in [2, 1] where start + 1 + length < words.count {
            let name = words[(start + 1)...(start + length)].map(\.text)
            guard let month = months[name] else { continue }
            let yearWord = words[start + 1 + length]
            guard yearWord.text.count == 4, let year = yearWord.number,
                let date = PageDate(year: year, month: month, day: day)
            else { return nil }
            return (date, start + 2 + length)
        }
        return nil
    }

    /// "28/05/2025", "28-05-2025", "2025-05-28" (parts joined by one mark, without spaces), or
    /// "28.05.2025" (one token).
    private func numericDate(in words: [Word], at start: Int) -> (PageDate, Int)? {
        guard words[start].kind == .number else { return nil }
        var parts = words[start].text.split(separator: ".").map(String.init)
        var end = start + 1
        if parts.count == 1 {
            guard start + 4 < words.count else { return nil }
            let mark = words[start + 1].text
            guard ["/", "-"].contains(mark), words[start + 3].text == mark,
                words[start + 2].kind == .number, words[start + 4].kind == .number,
                (start..<(start + 4)).allSatisfy({ words[$0].range.upperBound == words[$0 + 1].range.lowerBound })
            else { return nil }
            parts = [words[start].text, words[start + 2].text, words[start + 4].text]
            end = start + 5
        }
        guard parts.count == 3, let first = Int(parts[0]), let month = Int(parts[1]), let last = Int(parts[2])
        else { return nil }
        let date =
            parts[0].count == 4
            ? PageDate(year: first, month: month, day: last)
            : parts[2].count == 4 ? PageDate(year: last, month: month, day: first) : nil
        return date.map { ($0, end) }
    }

    /// The day in a camera or messaging app's picture name: IMG 20250528 WA0088,
    /// IMG-20250528-WA0088, IMG_20250528_101500.
    private func imageDate(in words: [Word]) -> PageDate? {
        for (index, word) in words.enumerated() where word.kind == .latin && word.text.hasPrefix("img") {
            let digits: String
            if word.text.count > 3 {
                digits = String(word.text.dropFirst(3))
            } else {
                let next = words.indices.contains(index + 1) && ["-", "_"].contains(words[index + 1].text) ? 2 : 1
                guard words.indices.contains(index + next), words[index + next].kind == .number else { continue }
                digits = words[index + next].text
            }
            let scalars = Array(digits.unicodeScalars)
            let isDigit = { (scalar: Unicode.Scalar) in (0x30...0x39).contains(scalar.value) }
            // Exactly eight digits: a longer run is some other number.
            guard scalars.count >= 8, scalars.prefix(8).allSatisfy(isDigit), scalars.count == 8 || !isDigit(scalars[8]),
                let year = Int(String(scalars: scalars[0..<4])), let month = Int(String(scalars: scalars[4..<6])),
                let day = Int(String(scalars: scalars[6..<8])),
                let date = PageDate(year: year, month: month, day: day)
            else { continue }
            return date
        }
        return nil
    }
}
