/// Keeps the title and body paragraphs of a scraped news page and drops the rest.
///
/// The body runs from the first to the last *content* line (long, mostly Arabic, or a full
/// sentence), grown by neighbouring lines that are whole sentences, and backwards by an
/// opening section label such as "مقدمة". Inside it, every line is
/// kept except page furniture (counters, comment forms, captions, image file names, ad labels)
/// and repeats of the title, so short subheadings survive. Everything after a related-articles
/// heading ("اقرأ أيضا", "مقالات مشابهة"), a keywords line or a source line ("المصدر: …") is
/// another story. Before the body, the cleaner looks for the title (the line the page repeats,
/// or failing that the last title-like line) and a byline; anywhere before the other stories,
/// for the day the page gives for itself (``PageDateFinder``).
public struct PageCleaner: Sendable {
    private let normalizer = ArabicNormalizer()
    private let patterns: Patterns
    private let dates: PageDateFinder

    public init() {
        patterns = Patterns(normalizer: normalizer)
        dates = PageDateFinder(normalizer: normalizer)
    }

    /// Cleans a scraped page.
    /// - Parameters:
    ///   - page: the page's text, one paragraph or page element per line.
    ///   - knownTitle: the title when the caller already has it; lines repeating it are dropped.
    /// - Returns: the title, the kept paragraphs with their scalar ranges in `page` and in the
    ///   page's matching key, and metadata (source, byline, the page's own date).
    public func clean(_ page: String, knownTitle: String? = nil) -> CleanedPage {
        let scalars = [Unicode.Scalar](scalarsOf: page)
        let key = normalizer.normalize(scalars, form: .matchingKey)
        let lines = PageLine.lines(of: key)
        let furniture = lines.map(patterns.isFurniture)
        let content = lines.indices.map { !furniture[$0] && Self.isContent(lines[$0]) }
        let firstContent = content.firstIndex(of: true)
        let headerEnd = firstContent ?? lines.count

        let titleIndex =
            knownTitle == nil
            ? findTitle(in: lines, before: headerEnd, furniture: furniture, hasBody: firstContent != nil) : nil
        let titleWords =
            knownTitle.flatMap { title in
                let key = normalizer.matchingKey(title.replacing("\n", with: " "))
                return PageLine(key: key, range: 0..<key.count)?.wordsKey
            }
            ?? titleIndex.map { lines[$0].wordsKey }
        let tailStart =
            lines.indices.first { index in
                index > (firstContent ?? lines.count)
                    && (patterns.isTailHeading(lines[index]) || patterns.isTagLine(lines[index])
                        || patterns.isSourceLine(lines[index]))
            } ?? lines.count

        var kept: [Int]
        if let firstContent, let lastContent = content[..<tailStart].lastIndex(of: true) {
            var zone = firstContent...lastContent
            while zone.upperBound + 1 < tailStart,
                isSentenceLine(lines[zone.upperBound + 1], furniture[zone.upperBound + 1])
            {
                zone = zone.lowerBound...(zone.upperBound + 1)
            }
            while zone.lowerBound > 0, zone.lowerBound - 1 != titleIndex,
                isSentenceLine(lines[zone.lowerBound - 1], furniture[zone.lowerBound - 1])
                    || patterns.isSectionHeading(lines[zone.lowerBound - 1])
            {
                zone = (zone.lowerBound - 1)...zone.upperBound
            }
            kept = zone.filter { !furniture[$0] && lines[$0].wordsKey != titleWords }
        } else {
            kept = lines.indices.filter { index in
                index < tailStart && !furniture[index] && index != titleIndex && lines[index].wordsKey != titleWords
                    && !patterns.isByline(lines[index])
            }
        }
        let bodyStart = kept.first ?? lines.count
        let bylineIndex = lines.indices.first { $0 < bodyStart && $0 != titleIndex && patterns.isByline(lines[$0]) }
        kept.removeAll { $0 == bylineIndex }
        // Other credits, wherever the page puts them (a second author, a masthead after the story): the people
        // they name are the article's too, though their lines are not its text.
        let keptSet = Set(kept)
        let creditIndices = lines.indices.filter { index in
            index != bylineIndex && index != titleIndex && !keptSet.contains(index) && patterns.isCredit(lines[index])
        }

        let paragraph = { (index: Int) in
            let keyRange = trimmingPromotion(from: lines[index], key: key)
            let range = key.sourceRange(for: keyRange)
            return CleanedPage.Paragraph(pageScalars: scalars, range: range, keyRange: keyRange)
        }
        let paragraphs = kept.map(paragraph)
        return CleanedPage(
            key: key,
            title: knownTitle.map { display($0.unicodeScalars) }
                ?? titleIndex.map { display(scalars[lines[$0].sourceRange]) },
            titleRange: titleIndex.map { lines[$0].sourceRange },
            paragraphs: paragraphs,
            source: lines.first(where: patterns.isSourceLine).map { source(from: scalars[$0.sourceRange]) },
            byline: bylineIndex.map { display(scalars[lines[$0].sourceRange]) },
            bylineParagraph: bylineIndex.map(paragraph),
            creditParagraphs: creditIndices.map(paragraph),
            pageDate: dates.date(in: key, lines: lines, kept: kept, tailStart: tailStart)
        )
    }

    /// A line long enough, or sentence-like enough, to be the article's own text.
    private static func isContent(_ line: PageLine) -> Bool {
        line.arabicRatio >= 0.5 && (line.wordCount >= 20 || (line.wordCount >= 8 && line.endsSentence))
    }

    /// A shorter line that is still a whole sentence of running text.
    private func isSentenceLine(_ line: PageLine, _ isFurniture: Bool) -> Bool {
        !isFurniture && line.endsSentence && line.wordCount >= 3 && line.arabicRatio >= 0.5
            && !patterns.isTailHeading(line) && !patterns.isTagLine(line) && !patterns.isSourceLine(line)
    }

    /// The title among the lines before the body: a title-like line that the page repeats
    /// (alone or inside a caption), else the last title-like line of five words or more. A
    /// text without body lines is all short lines; only a repeated one is taken as its title.
    private func findTitle(in lines: [PageLine], before end: Int, furniture: [Bool], hasBody: Bool) -> Int? {
        let candidates = (0..<end).filter { index in
            let line = lines[index]
            return !furniture[index] && (3...30).contains(line.wordCount) && line.arabicRatio >= 0.5
                && !line.endsSentence && !patterns.isByline(line)
        }
        // Comparing each candidate with every line was quadratic in a page of many short lines:
        // lines are counted by their words once, and furniture lines looked up in by phrase.
        var linesByWords: [PageLine.WordsKey: Int] = [:]
        for line in lines { linesByWords[line.wordsKey, default: 0] += 1 }
        let inFurniture = Self.inFurniture(candidates.map { lines[$0].words }, lines: lines, furniture: furniture)
        let repeated = candidates.first { index in
            // A candidate is not furniture, so any furniture line holding it is another line.
            (linesByWords[lines[index].wordsKey] ?? 0) >= 2 || inFurniture.contains(lines[index].words)
        }
        return repeated ?? (hasBody ? candidates.last { lines[$0].wordCount >= 5 } : nil)
    }

    /// Those of `phrases` (runs of word hashes) that occur in a row among the leading words of
    /// a furniture line, as a caption repeats the title.
    ///
    /// Each run of words of a furniture line, as long as some phrase, is looked up among the
    /// phrases by its hash: a line has at most ``PageLine/leadingWordLimit`` leading words, so
    /// this is linear in the page.
    private static func inFurniture(_ phrases: [[UInt64]], lines: [PageLine], furniture: [Bool]) -> Set<[UInt64]> {
        var byHash: [UInt64: [[UInt64]]] = [:]
        var lengths = Set<Int>()
        for phrase in phrases where !phrase.isEmpty {
            let hash = phraseHash(phrase[...])
            if !(byHash[hash]?.contains(phrase) ?? false) { byHash[hash, default: []].append(phrase) }
            lengths.insert(phrase.count)
        }
        guard let longest = lengths.max() else { return [] }
        var found = Set<[UInt64]>()
        for line in lines.indices where furniture[line] {
            let words = lines[line].words
            for start in words.indices {
                var hash = FNV1a()
                for end in start..<min(words.count, start + longest) {
                    hash.combine(value: words[end])
                    guard lengths.contains(end - start + 1), let matches = byHash[hash.value] else { continue }
                    // Hashes can collide: compare the words themselves.
                    for phrase in matches where phrase.elementsEqual(words[start...end]) { found.insert(phrase) }
                }
            }
        }
        return found
    }

    /// The hash of a run of word hashes.
    private static func phraseHash(_ words: ArraySlice<UInt64>) -> UInt64 {
        var hash = FNV1a()
        for word in words { hash.combine(value: word) }
        return hash.value
    }

    /// The line's range in the key without a trailing "read more" sentence glued to it.
    private func trimmingPromotion(from line: PageLine, key: NormalizedText) -> Range<Int> {
        let scalars = key.scalars
        let classes = ScalarClass.table
        let lower = line.normalizedRange.lowerBound
        var index = line.normalizedRange.upperBound - 1
        while index > lower, classes.of(scalars[index]).contains(.sentenceTerminator) || scalars[index] == "\"" {
            index -= 1
        }
        // A promotion is a short sentence: look back no further than twelve long words.
        let limit = max(lower, index - 160)
        while index > limit, !classes.of(scalars[index]).contains(.sentenceTerminator) { index -= 1 }
        guard index > limit,
            let sentence = PageLine(key: key, range: (index + 1)..<line.normalizedRange.upperBound),
            sentence.wordCount <= 12, patterns.promotionOpenings.contains(where: sentence.starts(with:))
        else { return line.normalizedRange }
        return lower..<(index + 1)
    }

    private func display(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        let text = normalizer.normalize(scalars, form: .display).string
        return text.trimmingSpaces()
    }

    /// The display text after the colon of a "المصدر: X" line.
    private func source(from line: ArraySlice<Unicode.Scalar>) -> String {
        let afterColon = line.firstIndex(of: ":").map { line[($0 + 1)...] } ?? line[...]
        return display(afterColon)
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrLineBreak }),
            let last = scalars.lastIndex(where: { !$0.isSpaceOrLineBreak })
        else { return "" }
        return String(scalars[first...last])
    }
}
