/// One non-empty line of a page, with the statistics the cleaner decides on.
///
/// Words are kept as FNV-1a hashes of their matching keys (``FNV1a/init(scalars:)``), so that scanning a
/// page builds no strings; only the first ``leadingWordLimit`` are kept one by one, which is all
/// the phrase rules look at, and the whole sequence is summed up in ``wordsKey``.
struct PageLine {
    /// The words of a line as a whole, for telling repeated lines (a repeated title) apart.
    struct WordsKey: Hashable {
        let hash: UInt64
        let count: Int
    }

    /// How many leading words are kept one by one.
    static var leadingWordLimit: Int { 32 }

    /// The trimmed line in the page's matching key.
    let normalizedRange: Range<Int>
    /// The trimmed line in the page's scalars.
    let sourceRange: Range<Int>
    /// Hashes of the line's first words (punctuation stripped from their edges).
    let words: [UInt64]
    let wordCount: Int
    let wordsKey: WordsKey
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
        let scalars = key.scalars
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
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
        var words = WordHashes()
        // Grown one append at a time, the leading words took a sixth of the cleaner's work in reallocations.
        words.leading.reserveCapacity(min(Self.leadingWordLimit, (upper - lower) / 2 + 1))
        let classes = ScalarClass.table
        let wordScalars: ScalarClass = [.arabicLetter, .otherLetter, .digit]
        var colonAfterWord: Int?
        var dashAfterWord: Int?
        var index = lower
        while index < upper {
            var kind = classes.of(scalars[index])
            guard kind.isDisjoint(with: wordScalars) else {
                // A whole word in one tight loop; marks inside it neither count nor end it.
                var hash = FNV1a()
                repeat {
                    if kind.contains(.arabicLetter) {
                        arabic += 1
                    } else if kind.contains(.otherLetter) {
                        other += 1
                    } else if kind.contains(.digit) {
                        digits += 1
                    }
                    if !kind.contains(.wordMark) { hash.combine(scalar: scalars[index]) }
                    index += 1
                    guard index < upper else { break }
                    kind = classes.of(scalars[index])
                } while !kind.isDisjoint(with: wordScalars) || kind.contains(.wordMark)
                words.add(hash: hash.value)
                continue
            }
            let scalar = scalars[index]
            if scalar == ":", colonAfterWord == nil { colonAfterWord = words.count }
            if dashAfterWord == nil, Self.isDash(scalar), index > lower, index + 1 < upper,
                scalars[index - 1] == " ", scalars[index + 1] == " "
            {
                dashAfterWord = words.count
            }
            index += 1
        }
        self.words = words.leading
        self.wordCount = words.count
        self.wordsKey = WordsKey(hash: words.all.value, count: words.count)
        self.arabicLetters = arabic
        self.otherLetters = other
        self.digits = digits
        self.hasLeadingColon = colonAfterWord.map { (1...2).contains($0) } ?? false
        self.wordsBeforeDash = dashAfterWord
        let last = scalars[lower..<upper].last { !Self.closing.contains($0) && !$0.isSpaceOrLineBreak }
        self.endsSentence = last.map { $0.isSentenceTerminator || $0 == ":" || $0 == "\u{061B}" } ?? false
    }

    /// The hashes of a line's words, as the scan finds them.
    private struct WordHashes {
        var leading: [UInt64] = []
        var count = 0
        var all = FNV1a()

        @inline(__always)
        mutating func add(hash: UInt64) {
            if count < PageLine.leadingWordLimit { leading.append(hash) }
            all.combine(value: hash)
            count += 1
        }
    }

    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2013}" || scalar == "\u{2014}"
    }
    private static let closing: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "*"]

    /// The share of Arabic letters among all letters; 0 for a line without letters.
    var arabicRatio: Double {
        let letters = arabicLetters + otherLetters
        return letters == 0 ? 0 : Double(arabicLetters) / Double(letters)
    }

    /// Whether the line's words begin with the words of `phrase`.
    func starts(with phrase: [UInt64]) -> Bool {
        words.starts(with: phrase)
    }

    /// Whether the line's leading words contain the words of `phrase` in a row.
    func contains(phrase: [UInt64]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { words[$0..<($0 + phrase.count)].elementsEqual(phrase) }
    }
}
