/// Splits normalized text into sentences at paragraph breaks and sentence punctuation
/// (. ! ? ؟ ؛ … and ۔).
///
/// Punctuation ends a sentence only when whitespace or the end of the text follows it, after
/// any closing quotes and brackets, so numbers (2.5, 1.000), web addresses and initials
/// written together (U.S.A) stay whole. A dot after a known abbreviation (د. for doctor,
/// Dr., Mr.) or after a single letter (an initial, as in "J. Smith") does not end one. A run
/// of two dots, used in Arabic headlines as a dash ("دكار.. المغرب"), does not end one either.
public struct SentenceSplitter: Sendable {
    /// Abbreviations written with a final dot, in lowercase without the dot; single letters
    /// (initials, and Arabic ones such as د. and م.) need no entry.
    public static let defaultAbbreviations: Set<String> = [
        "ق.م", "dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "inc", "ltd", "co", "jr", "sr", "gen", "col", "lt",
        "sgt", "e.g", "i.e", "u.s", "u.k",
    ]

    private let abbreviations: Set<String>
    /// The length of the longest abbreviation, in scalars: longer words need no lookup.
    private let longestAbbreviation: Int

    public init(abbreviations: Set<String> = SentenceSplitter.defaultAbbreviations) {
        self.abbreviations = abbreviations
        longestAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 1
    }

    /// The sentences of `text`, or of its part in `range`, as ranges of its normalized scalars,
    /// trimmed of whitespace.
    public func sentences(in text: NormalizedText, range: Range<Int>? = nil) -> [Range<Int>] {
        let scalars = text.scalars
        let bounds = range ?? 0..<scalars.count
        var sentences: [Range<Int>] = []
        let classes = ScalarClass.table
        var start = bounds.lowerBound
        var index = bounds.lowerBound
        func close(at end: Int) {
            var lower = start
            var upper = end
            while lower < upper, scalars[lower].isSpaceOrLineBreak { lower += 1 }
            while upper > lower, scalars[upper - 1].isSpaceOrLineBreak { upper -= 1 }
            if lower < upper { sentences.append(lower..<upper) }
            start = end
        }
        while index < bounds.upperBound {
            let scalar = scalars[index]
            if scalar == "\n" {
                close(at: index)
                index += 1
                continue
            }
            guard classes.of(scalar).contains(.sentenceTerminator) || scalar == "\u{061B}" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bounds.upperBound, scalars[end].isSentenceTerminator || scalars[end] == "\u{061B}" { end += 1 }
            while end < bounds.upperBound, Self.isClosing(scalars[end]) { end += 1 }
            if end == bounds.upperBound || scalars[end].isSpaceOrLineBreak,
                !isAbbreviation(endingAt: index, from: bounds.lowerBound, in: scalars),
                !isDoubleDot(index, end, in: scalars)
            {
                close(at: end)
            }
            index = end
        }
        close(at: bounds.upperBound)
        return sentences
    }

    /// Whether the single dot at `dot` follows an abbreviation or an initial.
    private func isAbbreviation(endingAt dot: Int, from start: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard scalars[dot] == ".", dot + 1 >= scalars.count || scalars[dot + 1] != "." else { return false }
        var lower = dot
        while lower > start, dot - lower < longestAbbreviation, !scalars[lower - 1].isSpaceOrLineBreak,
            !Self.isOpening(scalars[lower - 1])
        {
            lower -= 1
        }
        let word = scalars[lower..<dot]
        guard !word.isEmpty,
            lower == start || scalars[lower - 1].isSpaceOrLineBreak || Self.isOpening(scalars[lower - 1])
        else { return false }
        if word.count == 1 { return word.first!.isArabicLetter || word.first!.isOtherLetter }
        // ASCII lowercase is enough: the list holds Latin and Arabic abbreviations only.
        let lowercased = word.map { (0x41...0x5A).contains($0.value) ? Unicode.Scalar($0.value + 0x20)! : $0 }
        return abbreviations.contains(String(scalars: lowercased))
    }

    /// Whether the terminators from `start` to `end` are exactly two dots.
    private func isDoubleDot(_ start: Int, _ end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        end - start >= 2 && scalars[start] == "." && scalars[start + 1] == "."
            && (start + 2 == scalars.count || scalars[start + 2] != ".")
    }

    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "}", "»", "\u{201D}", "\u{2019}": true
        default: false
        }
    }

    private static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "(", "[", "{", "«", "\u{201C}", "\u{2018}": true
        default: false
        }
    }
}
