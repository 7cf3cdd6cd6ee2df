/// Splits normalized text into tokens and Arabic words into proclitics and stem.
///
/// Proclitics (و ف, then ب ك ل, then ال, as in وبالمغرب or للأمن) are split only where that
/// keeps the stem whole: a lexicon (usually a gazetteer) that knows the whole word or a stem
/// wins; without one, only the definite article is split off (المغرب, والمغرب, للأمن), never a
/// bare single-letter clitic, so بوتين and ليون stay whole. Stems are at least
/// `minimumStemLength` letters, and a few function words that begin with ال are never split.
public struct ArabicTokenizer: Sendable {
    /// The fewest letters a stem keeps after its proclitics are split off.
    public let minimumStemLength: Int
    /// Matching keys whose leading ال is not an article.
    private let unsplittableWords: WordHashSet
    // Tables held by the instance: reading a static constant checks its initialization.
    private let classes = ScalarClass.table
    private let keyRules = ScalarRule.table(for: .matchingKey)
    /// Known words and names, as matching keys.
    private let lexicon: WordHashSet?

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
    public init(minimumStemLength: Int = 2, unsplittableWords: Set<String> = [], lexicon: WordHashSet? = nil) {
        self.minimumStemLength = max(1, minimumStemLength)
        self.unsplittableWords = WordHashSet(Self.defaultUnsplittableWords.union(unsplittableWords))
        self.lexicon = lexicon
    }

    /// Tokenizes a normalized text, or the part of it in `range`.
    public func tokenize(_ text: NormalizedText, in range: Range<Int>? = nil) -> [Token] {
        let scalars = text.scalars
        let bounds = range ?? 0..<scalars.count
        var tokens: [Token] = []
        tokens.reserveCapacity(bounds.count / 5)
        var index = bounds.lowerBound
        while index < bounds.upperBound {
            let scalarClass = classes.of(scalars[index])
            if scalarClass.contains(.spaceOrLineBreak) {
                index += 1
                continue
            }
            let start = index
            let kind = Self.kind(of: scalarClass)
            index = Self.endOfToken(kind, in: scalars, from: index + 1, limit: bounds.upperBound, classes: classes)
            let tokenRange = start..<index
            let segmentation = kind == .word ? segment(slice: scalars[tokenRange]) : .unsegmented
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
        segment(slice: Array(word)[...])
    }

    private func segment(slice word: ArraySlice<Unicode.Scalar>) -> Segmentation {
        guard let first = word.first, Self.isProcliticInitial(first) else { return .unsegmented }
        if lexicon == nil, !word.contains(where: { classes.of($0).contains(.wordMark) }) {
            return articleSegmentation(of: word)
        }
        let candidates = segmentations(ofWord: word)
        guard candidates.count > 1 else { return .unsegmented }
        if let lexicon {
            if lexicon.contains(scalars: baseScalars(ofWord: word, .unsegmented)) { return .unsegmented }
            if let known = candidates.dropFirst().first(where: {
                lexicon.contains(scalars: baseScalars(ofWord: word, $0))
            }) {
                return known
            }
        }
        return candidates.first {
            $0.isDefinite && !unsplittableWords.contains(scalars: baseScalars(ofWord: word, $0))
        } ?? .unsegmented
    }

    /// The split of a word without marks when there is no lexicon: the definite article with
    /// what precedes it, or nothing. It picks what `segmentations(ofWord:)` and the general
    /// path pick, without building the candidates or their base forms.
    private func articleSegmentation(of word: ArraySlice<Unicode.Scalar>) -> Segmentation {
        word.withUnsafeBufferPointer { letters in
            let count = letters.count
            // The best split so far as (conjunction count, preposition count, base, stem).
            var best: (conjunction: Int, preposition: Int, base: Int, stem: Int)?
            let conjunctions = Self.isConjunction(letters[0]) ? 1 : 0
            for conjunction in 0...conjunctions {
                let prepositions = conjunction < count && Self.isPreposition(letters[conjunction]) ? 1 : 0
                for preposition in 0...prepositions {
                    let next = conjunction + preposition
                    let base: Int
                    let stem: Int
                    if next + 1 < count, letters[next] == Self.alef, letters[next + 1] == Self.lam {
                        (base, stem) = (next, next + 2)
                    } else if preposition == 1, letters[conjunction] == Self.lam, next < count,
                        letters[next] == Self.lam
                    {
                        (base, stem) = (next + 1, next + 1)
                    } else {
                        continue
                    }
                    let contracted = base == stem
                    guard count - stem >= minimumStemLength, stem < best?.stem ?? Int.max,
                        !isUnsplittable(base: UnsafeBufferPointer(rebasing: letters[base...]), contracted: contracted)
                    else { continue }
                    best = (conjunction, preposition, base, stem)
                }
            }
            guard let best else { return .unsegmented }
            return Segmentation(
                conjunction: best.conjunction == 1 ? letters[0] : nil,
                preposition: best.preposition == 1 ? letters[best.conjunction] : nil,
                article: best.base == best.stem ? .contracted : .written,
                baseOffset: best.base,
                stemOffset: best.stem,
                // A contracted article's ل sits just before the base (no marks here).
                mentionOffset: best.base == best.stem ? best.base - 1 : best.base
            )
        }
    }

    /// Whether a base form, as ``baseForm(ofWord:_:)`` would spell it, is an unsplittable word;
    /// for words without marks.
    private func isUnsplittable(base: UnsafeBufferPointer<Unicode.Scalar>, contracted: Bool) -> Bool {
        guard unsplittableWords.lengths.contains(base.count + (contracted ? 2 : 0)) else { return false }
        var hash = FNV1a()
        if contracted {
            hash.combine(scalar: Self.alef)
            hash.combine(scalar: Self.lam)
        }
        for scalar in base {
            if case .emit(let folded) = ScalarRule.rule(for: scalar, form: .matchingKey, table: keyRules) {
                hash.combine(scalar: folded)
            }
        }
        return unsplittableWords.contains(hash: hash.value)
    }

    /// Every way to split proclitics off `word` that leaves a long enough stem, starting with
    /// `.unsegmented` and ordered by the length of the split-off part.
    ///
    /// A stem never begins with ا ل: such a word is read as article + stem, or not split.
    public func segmentations(ofWord word: some Collection<Unicode.Scalar>) -> [Segmentation] {
        segmentations(ofWord: Array(word)[...])
    }

    /// ``segmentations(ofWord:)`` for the tokenizer's own slices, compiled for them alone.
    public func segmentations(ofWord word: ArraySlice<Unicode.Scalar>) -> [Segmentation] {
        var letters: [(scalar: Unicode.Scalar, offset: Int)] = []
        letters.reserveCapacity(word.count)
        for (offset, scalar) in word.enumerated() where !scalar.isWordMark {
            letters.append((scalar, offset))
        }
        let count = letters.count
        // At most eight splits (the whole word, then up to two for each choice of و/ف and ب/ك/ل): one
        // allocation, not a regrowth at each.
        var result: [Segmentation] = []
        result.reserveCapacity(8)
        result.append(.unsegmented)
        // Ranges, not array literals: this runs for every word, and each literal was an allocation.
        let conjunctionCounts = 0...(count > 0 && Self.isConjunction(letters[0].scalar) ? 1 : 0)
        for conjunctionCount in conjunctionCounts {
            let conjunction = conjunctionCount == 1 ? letters[0].scalar : nil
            let hasPreposition =
                conjunctionCount < count && Self.isPreposition(letters[conjunctionCount].scalar)
            for prepositionCount in 0...(hasPreposition ? 1 : 0) {
                let preposition = prepositionCount == 1 ? letters[conjunctionCount].scalar : nil
                let next = conjunctionCount + prepositionCount
                func add(_ article: Segmentation.Article, base: Int, stem: Int, mention: Int? = nil) {
                    guard count - stem >= minimumStemLength else { return }
                    result.append(
                        Segmentation(
                            conjunction: conjunction,
                            preposition: preposition,
                            article: article,
                            baseOffset: letters[base].offset,
                            stemOffset: letters[stem].offset,
                            mentionOffset: letters[mention ?? base].offset
                        )
                    )
                }
                if next + 1 < count, letters[next].scalar == Self.alef, letters[next + 1].scalar == Self.lam {
                    add(.written, base: next, stem: next + 2)
                    continue
                }
                if preposition == Self.lam, next < count, letters[next].scalar == Self.lam {
                    add(.contracted, base: next + 1, stem: next + 1, mention: next)
                }
                if next > 0, next < count {
                    add(.none, base: next, stem: next)
                }
            }
        }
        result.sort { $0.stemOffset < $1.stemOffset }
        return result
    }

    /// The matching key of a word's base under a segmentation: the stem, with "ال" in front
    /// when the word is definite (so للأمن gives الامن).
    public func baseForm(ofWord word: some Collection<Unicode.Scalar>, _ segmentation: Segmentation) -> String {
        String(scalars: baseScalars(ofWord: Array(word)[...], segmentation))
    }

    /// The scalars of ``baseForm(ofWord:_:)``.
    public func baseScalars(ofWord word: ArraySlice<Unicode.Scalar>, _ segmentation: Segmentation) -> [Unicode.Scalar] {
        var view: [Unicode.Scalar] = []
        view.reserveCapacity(word.count + 2)
        if segmentation.article == .contracted {
            view.append(Self.alef)
            view.append(Self.lam)
        }
        // A word holds no whitespace or presentation forms, so its key is its scalars' keys,
        // except that a hamza-above mark combines with و or ي, as in ArabicNormalizer.
        for scalar in word.dropFirst(segmentation.baseOffset) {
            switch ScalarRule.rule(for: scalar, form: .matchingKey, table: keyRules) {
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
        return view
    }

    // Computed, not stored: a static constant is checked for initialization at every use.
    private static var alef: Unicode.Scalar { "\u{0627}" }
    private static var lam: Unicode.Scalar { "\u{0644}" }
    /// و or ف.
    private static func isConjunction(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{0648}" || scalar == "\u{0641}"
    }

    /// ب, ك or ل.
    private static func isPreposition(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{0628}" || scalar == "\u{0643}" || scalar == "\u{0644}"
    }

    /// A letter a word with proclitics can start with.
    private static func isProcliticInitial(_ scalar: Unicode.Scalar) -> Bool {
        isConjunction(scalar) || isPreposition(scalar) || scalar == alef
    }
}

extension ArabicTokenizer {
    /// The kind of token that a scalar of this class starts.
    private static func kind(of scalarClass: ScalarClass) -> Token.Kind {
        if scalarClass.contains(.arabicLetter) { return .word }
        if scalarClass.contains(.digit) { return .number }
        if scalarClass.contains(.otherLetter) { return .latin }
        return .punctuation
    }

    /// The index just past the token of `kind` whose first scalar precedes `index`.
    private static func endOfToken(
        _ kind: Token.Kind, in scalars: [Unicode.Scalar], from index: Int, limit: Int, classes: ScalarClass.Table
    ) -> Int {
        var index = index
        switch kind {
        case .word:
            let wordScalars: ScalarClass = [.arabicLetter, .wordMark]
            while index < limit, !classes.of(scalars[index]).isDisjoint(with: wordScalars) { index += 1 }
        case .number:
            while index < limit {
                if classes.of(scalars[index]).contains(.digit) {
                    index += 1
                } else if index + 1 < limit, isNumberSeparator(scalars[index]),
                    classes.of(scalars[index + 1]).contains(.digit)
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

    /// Separators inside numbers: 2.5, 1,000, ٢٫٥.
    private static func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "," || scalar == "\u{066B}" || scalar == "\u{066C}"
    }
}
