/// One non-empty line of a page, with the statistics the cleaner decides on.
struct PageLine {
    /// The trimmed line in the page's matching key.
    let normalizedRange: Range<Int>
    /// The trimmed line in the page's scalars.
    let sourceRange: Range<Int>
    /// The line's words (matching keys, punctuation stripped from their edges).
    let words: [String]
    let arabicLetters: Int
    let otherLetters: Int
    let digits: Int
    /// Whether the line's last scalar (before closing quotes and brackets) ends a sentence.
    let endsSentence: Bool
    /// Whether a colon follows the first or second word, as in "المصدر: …".
    let hasLeadingColon: Bool
    /// The number of words before the first dash set off by spaces, as in "source - author".
    let wordsBeforeDash: Int?

    /// Splits a page's matching key into its non-empty lines.
    static func lines(of key: NormalizedText) -> [PageLine] {
        var lines: [PageLine] = []
        var start = 0
        for index in 0...key.count where index == key.count || key.scalars[index] == "\n" {
            if let line = PageLine(key: key, range: start..<index) { lines.append(line) }
            start = index + 1
        }
        return lines
    }

    init?(key: NormalizedText, range: Range<Int>) {
        let scalars = key.scalars
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower].isSpaceOrLineBreak { lower += 1 }
        while upper > lower, scalars[upper - 1].isSpaceOrLineBreak { upper -= 1 }
        guard lower < upper else { return nil }
        normalizedRange = lower..<upper
        sourceRange = key.sourceRange(for: lower..<upper)

        var arabic = 0
        var other = 0
        var digits = 0
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var colonAfterWord: Int?
        var dashAfterWord: Int?
        for index in lower..<upper {
            let scalar = scalars[index]
            if scalar.isArabicLetter { arabic += 1 } else if scalar.isOtherLetter { other += 1 }
            if scalar.isDigit { digits += 1 }
            if scalar.isArabicLetter || scalar.isOtherLetter || scalar.isDigit {
                word.append(scalar)
            } else if !scalar.isWordMark {
                if !word.isEmpty {
                    words.append(String(word))
                    word = String.UnicodeScalarView()
                }
                if scalar == ":", colonAfterWord == nil { colonAfterWord = words.count }
                if dashAfterWord == nil, Self.dashes.contains(scalar), index > lower, index + 1 < upper,
                    scalars[index - 1] == " ", scalars[index + 1] == " "
                {
                    dashAfterWord = words.count
                }
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        self.words = words
        self.arabicLetters = arabic
        self.otherLetters = other
        self.digits = digits
        self.hasLeadingColon = colonAfterWord.map { (1...2).contains($0) } ?? false
        self.wordsBeforeDash = dashAfterWord
        let closing: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "*"]
        let last = scalars[lower..<upper].last { !closing.contains($0) && !$0.isSpaceOrLineBreak }
        self.endsSentence = last.map { $0.isSentenceTerminator || $0 == ":" || $0 == "\u{061B}" } ?? false
    }

    private static let dashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}"]

    var wordCount: Int { words.count }

    /// The share of Arabic letters among all letters; 0 for a line without letters.
    var arabicRatio: Double {
        let letters = arabicLetters + otherLetters
        return letters == 0 ? 0 : Double(arabicLetters) / Double(letters)
    }

    /// Whether the line's words begin with the words of `phrase`.
    func starts(with phrase: [String]) -> Bool {
        words.starts(with: phrase)
    }

    /// Whether the line's words contain the words of `phrase` in a row.
    func contains(phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { words[$0..<($0 + phrase.count)].elementsEqual(phrase) }
    }
}
