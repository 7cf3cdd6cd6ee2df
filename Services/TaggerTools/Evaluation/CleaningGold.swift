internal import EntityTagging

/// Hand-labelled lines of one scraped page: what the page cleaner must keep and drop.
///
/// The file format is one line of the page per row, `label<TAB>text`, in page order, for every
/// line that is not blank. Labels: `title` (the article's title, and each repeat of it),
/// `body` (a paragraph or subheading of the article), `meta` (byline or source: not body) and
/// `drop` (anything else on the page).
public struct CleaningGold: Sendable {
    public enum Label: String, Sendable, CaseIterable {
        case title, body, meta, drop

        /// Whether the cleaner must keep the line: as the title or as a body paragraph.
        public var mustKeep: Bool { self == .title || self == .body }
    }

    public struct Line: Sendable, Hashable {
        public let label: Label
        /// The page line, trimmed of surrounding whitespace.
        public let text: String
    }

    public let lines: [Line]

    /// Parses a gold file.
    /// - Throws: ``CleaningGoldError`` naming the first malformed row.
    public init(parsing text: String) throws(CleaningGoldError) {
        var lines: [Line] = []
        for (index, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !row.allSatisfy(\.isWhitespace) else { continue }
            let fields = row.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2, let label = Label(rawValue: String(fields[0])) else {
                throw CleaningGoldError(row: index + 1, problem: .malformedRow)
            }
            lines.append(Line(label: label, text: String(fields[1]).trimmingWhitespace()))
        }
        self.lines = lines
    }
}

/// A gold file that cannot be used.
public struct CleaningGoldError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Problem: Sendable, Hashable {
        /// Not `label<TAB>text` with a known label.
        case malformedRow
        /// The row's text is not the page's next non-blank line.
        case differsFromPage(pageLine: String)
        /// The page has more non-blank lines than the gold file.
        case pageLineNotLabelled(pageLine: String)
        /// The gold file has more rows than the page has non-blank lines.
        case missingFromPage
    }

    /// The gold file's row, counting from 1.
    public let row: Int
    public let problem: Problem

    public init(row: Int, problem: Problem) {
        self.row = row
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .malformedRow:
            "row \(row): expected 'title|body|meta|drop<TAB>line text'"
        case .differsFromPage(let pageLine):
            "row \(row): text differs from the page's line '\(pageLine.prefix(60))'"
        case .pageLineNotLabelled(let pageLine):
            "after row \(row): the page line '\(pageLine.prefix(60))' has no label"
        case .missingFromPage:
            "row \(row): the page has no such line"
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (any Unicode whitespace, as in the page).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
