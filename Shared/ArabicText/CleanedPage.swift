/// What ``PageCleaner`` keeps of a scraped page.
public struct CleanedPage: Sendable, Hashable {
    /// A kept paragraph: one line of the page, trimmed.
    ///
    /// It shares the page's decoded scalars instead of holding a string of its own, so that
    /// callers who normalize or tokenize it neither encode nor decode it again.
    public struct Paragraph: Sendable, Hashable {
        /// The page's scalars; the paragraph is `pageScalars[range]`.
        private let pageScalars: [Unicode.Scalar]
        /// Unicode scalar offsets of the paragraph in the page.
        public let range: Range<Int>
        /// The paragraph in ``CleanedPage/key``, for tokenizing without normalizing again.
        public let keyRange: Range<Int>

        public init(pageScalars: [Unicode.Scalar], range: Range<Int>, keyRange: Range<Int>) {
            self.pageScalars = pageScalars
            self.range = range
            self.keyRange = keyRange
        }

        /// The paragraph's scalars, exactly as in the page.
        public var scalars: ArraySlice<Unicode.Scalar> { pageScalars[range] }

        /// The paragraph exactly as it appears in the page.
        public var text: String { String(scalars: scalars) }

        public static func == (left: Paragraph, right: Paragraph) -> Bool {
            left.range == right.range && left.keyRange == right.keyRange && left.scalars == right.scalars
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(range)
            hasher.combine(keyRange)
        }
    }

    /// The whole page's matching key, which the cleaner computes anyway. Its source offsets
    /// count the page's scalars.
    public let key: NormalizedText

    /// The article's title in display normalization, when one was found or given.
    public let title: String?
    /// Where the title line is in the page, when it was found there.
    public let titleRange: Range<Int>?
    /// The article's paragraphs, in page order.
    public let paragraphs: [Paragraph]
    /// The source named on a line such as "المصدر: أخبارنا".
    public let source: String?
    /// A byline such as "أخبارنا المغربية - عبد المومن حاج علي" or "بقلم: …".
    public let byline: String?
    /// The byline's line: tagged with the paragraphs, since its author is a person the article names.
    public let bylineParagraph: Paragraph?
    /// Other lines that credit people by role (a second author, "رئيس التحرير: …", "تصوير: …"), in page order:
    /// tagged like the byline.
    public let creditParagraphs: [Paragraph]
    /// The day the page gives for itself (its publication or last update, a dateline, a
    /// picture named after its day), which dates an article that comes without one.
    public let pageDate: PageDate?

    public init(
        key: NormalizedText,
        title: String?,
        titleRange: Range<Int>?,
        paragraphs: [Paragraph],
        source: String?,
        byline: String?,
        bylineParagraph: Paragraph? = nil,
        creditParagraphs: [Paragraph] = [],
        pageDate: PageDate? = nil
    ) {
        self.key = key
        self.title = title
        self.titleRange = titleRange
        self.paragraphs = paragraphs
        self.source = source
        self.byline = byline
        self.bylineParagraph = bylineParagraph
        self.creditParagraphs = creditParagraphs
        self.pageDate = pageDate
    }

    /// The byline's line, the paragraphs and the credit lines, in page order: the text that is stored and tagged.
    public var paragraphsWithCredits: [Paragraph] {
        guard bylineParagraph != nil || !creditParagraphs.isEmpty else { return paragraphs }
        return ((bylineParagraph.map { [$0] } ?? []) + paragraphs + creditParagraphs)
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
