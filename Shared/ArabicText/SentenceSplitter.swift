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

    public init(abbreviations: Set<String> = SentenceSplitter.defaultAbbreviations) {
        self.abbreviations = abbreviations
    }

    /// The sentences of `text` as ranges of its normalized scalars, trimmed of whitespace.
    public func sentences(in text: NormalizedText) -> [Range<Int>] {
        let scalars = text.scalars
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        func close(at end: Int) {
            var lower = start
            var upper = end
            while lower < upper, scalars[lower].isSpaceOrLineBreak { lower += 1 }
            while upper > lower, scalars[upper - 1].isSpaceOrLineBreak { upper -= 1 }
            if lower < upper { sentences.append(lower..<upper) }
            start = end
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                close(at: index)
                index += 1
                continue
            }
            guard scalar.isSentenceTerminator || scalar == "\u{061B}" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, scalars[end].isSentenceTerminator || scalars[end] == "\u{061B}" { end += 1 }
            while end < scalars.count, Self.closing.contains(scalars[end]) { end += 1 }
            if end == scalars.count || scalars[end].isSpaceOrLineBreak, !isAbbreviation(endingAt: index, in: scalars),
                !isDoubleDot(index, end, in: scalars)
            {
                close(at: end)
            }
            index = end
        }
        close(at: scalars.count)
        return sentences
    }

    /// Whether the single dot at `dot` follows an abbreviation or an initial.
    private func isAbbreviation(endingAt dot: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard scalars[dot] == ".", dot + 1 >= scalars.count || scalars[dot + 1] != "." else { return false }
        var lower = dot
        while lower > 0, !scalars[lower - 1].isSpaceOrLineBreak, !Self.opening.contains(scalars[lower - 1]) {
            lower -= 1
        }
        guard lower < dot else { return false }
        var word = String.UnicodeScalarView()
        for scalar in scalars[lower..<dot] {
            word.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
        }
        let letters = word.filter { $0.isArabicLetter || $0.isOtherLetter }
        return letters.count == 1 && word.count == 1 || abbreviations.contains(String(word))
    }

    /// Whether the terminators from `start` to `end` are exactly two dots.
    private func isDoubleDot(_ start: Int, _ end: Int, in scalars: [Unicode.Scalar]) -> Bool {
        end - start >= 2 && scalars[start] == "." && scalars[start + 1] == "."
            && (start + 2 == scalars.count || scalars[start + 2] != ".")
    }

    private static let closing: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "»", "\u{201D}", "\u{2019}"]
    private static let opening: Set<Unicode.Scalar> = ["\"", "'", "(", "[", "{", "«", "\u{201C}", "\u{2018}"]
}
