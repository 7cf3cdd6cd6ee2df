internal import ArabicText
internal import EntityTagging

/// How the page cleaner treated the hand-labelled lines of one or more pages.
public struct CleaningEvaluation: Sendable {
    /// What the cleaner made of one page line.
    public enum Outcome: String, Sendable {
        case title, body, dropped
    }

    /// A line the cleaner got wrong.
    public struct Miss: Sendable, Hashable {
        public let page: String
        public let label: CleaningGold.Label
        public let outcome: Outcome
        public let text: String
    }

    /// Title and body lines, and how many of them the cleaner kept.
    public private(set) var mustKeep = 0
    public private(set) var kept = 0
    /// Meta and drop lines, and how many of them stayed out of the title and body.
    public private(set) var mustDrop = 0
    public private(set) var dropped = 0
    public private(set) var misses: [Miss] = []

    public init() {}

    /// The share of title and body lines kept; 1 when there are none.
    public var keepRecall: Double { mustKeep == 0 ? 1 : Double(kept) / Double(mustKeep) }
    /// The share of meta and drop lines dropped; 1 when there are none.
    public var dropRecall: Double { mustDrop == 0 ? 1 : Double(dropped) / Double(mustDrop) }

    /// Cleans `page` and scores the result against its gold labels.
    /// - Parameter name: names the page in ``misses``.
    /// - Throws: ``CleaningGoldError`` when the gold rows do not match the page's lines.
    public mutating func add(page: String, gold: CleaningGold, name: String) throws(CleaningGoldError) {
        let scalars = Array(page.unicodeScalars)
        let cleaned = PageCleaner().clean(page)
        let lines = Self.nonBlankLines(of: scalars)
        let normalizer = ArabicNormalizer()
        for (row, line) in lines.enumerated() {
            guard row < gold.lines.count else {
                throw CleaningGoldError(row: gold.lines.count, problem: .pageLineNotLabelled(pageLine: line.text))
            }
            let expected = gold.lines[row]
            guard expected.text == line.text else {
                throw CleaningGoldError(row: row + 1, problem: .differsFromPage(pageLine: line.text))
            }
            let outcome: Outcome
            if cleaned.paragraphs.contains(where: { line.range.contains($0.range.lowerBound) }) {
                outcome = .body
            } else if let title = cleaned.title, title == normalizer.display(line.text).string.trimmingWhitespace() {
                outcome = .title
            } else {
                outcome = .dropped
            }
            record(expected, outcome: outcome, page: name)
        }
        if gold.lines.count > lines.count {
            throw CleaningGoldError(row: lines.count + 1, problem: .missingFromPage)
        }
    }

    /// Adds the counts and misses of another evaluation to this one.
    public mutating func merge(_ other: CleaningEvaluation) {
        mustKeep += other.mustKeep
        kept += other.kept
        mustDrop += other.mustDrop
        dropped += other.dropped
        misses += other.misses
    }

    private mutating func record(_ line: CleaningGold.Line, outcome: Outcome, page: String) {
        let correct: Bool
        switch line.label {
        case .title:
            mustKeep += 1
            correct = outcome == .title
            if correct { kept += 1 }
        case .body:
            mustKeep += 1
            correct = outcome == .body
            if correct { kept += 1 }
        case .meta, .drop:
            mustDrop += 1
            correct = outcome == .dropped
            if correct { dropped += 1 }
        }
        if !correct { misses.append(Miss(page: page, label: line.label, outcome: outcome, text: line.text)) }
    }

    /// The page's lines that hold more than whitespace, with their scalar ranges.
    private static func nonBlankLines(of scalars: [Unicode.Scalar]) -> [(range: Range<Int>, text: String)] {
        var lines: [(range: Range<Int>, text: String)] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            let text = String(scalars: scalars[start..<index]).trimmingWhitespace()
            if !text.isEmpty { lines.append((start..<index, text)) }
            start = index + 1
        }
        return lines
    }
}
