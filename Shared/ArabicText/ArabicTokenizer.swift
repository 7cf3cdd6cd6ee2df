/// Splits normalized text into tokens and Arabic words into proclitics and stem.
///
/// Proclitics (و ف, then ب ك ل, then ال, as in وبالمغرب or للأمن) are split only where that
/// keeps the stem whole: a lexicon (usually a gazetteer) that knows the whole word or a stem
/// wins; without one, only the definite article is split off (المغرب, والمغرب, للأمن), never a
/// bare single-letter clitic, so بوتين and ليون stay whole. Stems are at least
/// `minimumStemLength` letters, and a few function words that begin with ال are never split.
public struct ArabicTokenizer: Sendable {
    /// Answers whether a word form, given as a matching key, is a known word or name.
    public typealias Lexicon = @Sendable (String) -> Bool

    /// The fewest letters a stem keeps after its proclitics are split off.
    public let minimumStemLength: Int
    private let unsplittableWords: Set<String>
    private let lexicon: Lexicon?

    /// Words that begin with ا ل but carry no article that should be split (matching keys).
    public static let defaultUnsplittableWords: Set<String> = [
        "الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللاتي", "اللواتي", "اللائي",
        "الله", "اللهم", "الان", "الاف", "اليات", "اليه", "اليها", "اليهم", "اليهما", "اليك", "الينا",
    ]

    /// - Parameters:
    ///   - minimumStemLength: the fewest letters left in a stem after splitting.
    ///   - unsplittableWords: more matching keys whose leading ال is not an article.
    ///   - lexicon: known words and names; a whole word it knows is never split, and a split
    ///     whose base (article + stem) it knows is preferred.
    public init(minimumStemLength: Int = 2, unsplittableWords: Set<String> = [], lexicon: Lexicon? = nil) {
        self.minimumStemLength = max(1, minimumStemLength)
        self.unsplittableWords = Self.defaultUnsplittableWords.union(unsplittableWords)
        self.lexicon = lexicon
    }

    /// Tokenizes a normalized text, or the part of it in `range`.
    public func tokenize(_ text: NormalizedText, in range: Range<Int>? = nil) -> [Token] {
        let scalars = text.scalars
        let bounds = range ?? 0..<scalars.count
        var tokens: [Token] = []
        var index = bounds.lowerBound
        while index < bounds.upperBound {
            let scalar = scalars[index]
            if scalar.isSpaceOrLineBreak {
                index += 1
                continue
            }
            let start = index
            let kind = Self.kind(startingWith: scalar)
            index = Self.endOfToken(kind, in: scalars, from: index + 1, limit: bounds.upperBound)
            let tokenRange = start..<index
            let segmentation = kind == .word ? segment(scalars[tokenRange]) : .unsegmented
            tokens.append(Token(kind: kind, normalizedRange: tokenRange, segmentation: segmentation, in: text))
        }
        return tokens
    }

    /// Normalizes `text` to its matching key and tokenizes it; token ranges count scalars of `text`.
    public func tokenize(_ text: String) -> [Token] {
        tokenize(ArabicNormalizer().matchingKey(text))
    }

    /// The segmentation the tokenizer chooses for one word.
    public func segment(_ word: some Collection<Unicode.Scalar>) -> Segmentation {
        guard let first = word.first, Self.procliticInitials.contains(first) else { return .unsegmented }
        let candidates = segmentations(ofWord: word)
        guard candidates.count > 1 else { return .unsegmented }
        if let lexicon {
            if lexicon(baseForm(ofWord: word, .unsegmented)) { return .unsegmented }
            if let known = candidates.dropFirst().first(where: { lexicon(baseForm(ofWord: word, $0)) }) {
                return known
            }
        }
        return candidates.first { $0.isDefinite && !unsplittableWords.contains(baseForm(ofWord: word, $0)) }
            ?? .unsegmented
    }

    /// Every way to split proclitics off `word` that leaves a long enough stem, starting with
    /// `.unsegmented` and ordered by the length of the split-off part.
    ///
    /// A stem never begins with ا ل: such a word is read as article + stem, or not split.
    public func segmentations(ofWord word: some Collection<Unicode.Scalar>) -> [Segmentation] {
        var letters: [(scalar: Unicode.Scalar, offset: Int)] = []
        for (offset, scalar) in word.enumerated() where !scalar.isWordMark {
            letters.append((scalar, offset))
        }
        let count = letters.count
        var result = [Segmentation.unsegmented]
        let conjunctionCounts = count > 0 && Self.conjunctions.contains(letters[0].scalar) ? [0, 1] : [0]
        for conjunctionCount in conjunctionCounts {
            let conjunction = conjunctionCount == 1 ? letters[0].scalar : nil
            let hasPreposition =
                conjunctionCount < count && Self.prepositions.contains(letters[conjunctionCount].scalar)
            for prepositionCount in hasPreposition ? [0, 1] : [0] {
                let preposition = prepositionCount == 1 ? letters[conjunctionCount].scalar : nil
                let next = conjunctionCount + prepositionCount
                func add(_ article: Segmentation.Article, base: Int, stem: Int) {
                    guard count - stem >= minimumStemLength else { return }
                    result.append(
                        Segmentation(
                            conjunction: conjunction,
                            preposition: preposition,
                            article: article,
                            baseOffset: letters[base].offset,
                            stemOffset: letters[stem].offset
                        )
                    )
                }
                if next + 1 < count, letters[next].scalar == Self.alef, letters[next + 1].scalar == Self.lam {
                    add(.written, base: next, stem: next + 2)
                    continue
                }
                if preposition == Self.lam, next < count, letters[next].scalar == Self.lam {
                    add(.contracted, base: next + 1, stem: next + 1)
                }
                if next > 0, next < count {
                    add(.none, base: next, stem: next)
                }
            }
        }
        return result.sorted { $0.stemOffset < $1.stemOffset }
    }

    /// The matching key of a word's base under a segmentation: the stem, with "ال" in front
    /// when the word is definite (so للأمن gives الامن).
    public func baseForm(ofWord word: some Collection<Unicode.Scalar>, _ segmentation: Segmentation) -> String {
        var view = String.UnicodeScalarView()
        if segmentation.article == .contracted {
            view.append(Self.alef)
            view.append(Self.lam)
        }
        // A word holds no whitespace or presentation forms, so its key is its scalars' keys,
        // except that a hamza-above mark combines with و or ي, as in ArabicNormalizer.
        for scalar in word.dropFirst(segmentation.baseOffset) {
            switch ScalarRule.rule(for: scalar, form: .matchingKey) {
            case .emit(let folded):
                view.append(folded)
            case .attach where scalar == "\u{0654}":
                if let last = view.last, let composed = ScalarRule.composingHamzaAbove(with: last) {
                    view.removeLast()
                    view.append(composed)
                }
            default:
                break
            }
        }
        return String(view)
    }

    private static let alef: Unicode.Scalar = "\u{0627}"
    private static let lam: Unicode.Scalar = "\u{0644}"
    private static let conjunctions: Set<Unicode.Scalar> = ["\u{0648}", "\u{0641}"]
    private static let prepositions: Set<Unicode.Scalar> = ["\u{0628}", "\u{0643}", "\u{0644}"]
    /// Letters a word with proclitics can start with.
    private static let procliticInitials = conjunctions.union(prepositions).union([alef])
}

extension ArabicTokenizer {
    private static func kind(startingWith scalar: Unicode.Scalar) -> Token.Kind {
        if scalar.isArabicLetter { return .word }
        if scalar.isDigit { return .number }
        if scalar.isOtherLetter { return .latin }
        return .punctuation
    }

    /// The index just past the token of `kind` whose first scalar precedes `index`.
    private static func endOfToken(_ kind: Token.Kind, in scalars: [Unicode.Scalar], from index: Int, limit: Int) -> Int
    {
        var index = index
        switch kind {
        case .word:
            while index < limit, scalars[index].isArabicLetter || scalars[index].isWordMark { index += 1 }
        case .number:
            while index < limit {
                if scalars[index].isDigit {
                    index += 1
                } else if index + 1 < limit, ".,٫٬".unicodeScalars.contains(scalars[index]), scalars[index + 1].isDigit
                {
                    index += 2
                } else {
                    break
                }
            }
        case .latin:
            while index < limit {
                let scalar = scalars[index]
                if scalar.isOtherLetter || scalar.isDigit || (0x0300...0x036F).contains(scalar.value) {
                    index += 1
                } else if index + 1 < limit, scalar == "-" || scalar == "'", scalars[index + 1].isOtherLetter {
                    index += 2
                } else {
                    break
                }
            }
        case .punctuation:
            break
        }
        return index
    }
}
