/// What ``PageCleaner`` keeps of a scraped page.
public struct CleanedPage: Sendable, Hashable {
    /// A kept paragraph: one line of the page, trimmed.
    public struct Paragraph: Sendable, Hashable {
        /// The paragraph exactly as it appears in the page.
        public let text: String
        /// Unicode scalar offsets of `text` in the page.
        public let range: Range<Int>

        public init(text: String, range: Range<Int>) {
            self.text = text
            self.range = range
        }
    }

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

    public init(
        title: String?,
        titleRange: Range<Int>?,
        paragraphs: [Paragraph],
        source: String?,
        byline: String?
    ) {
        self.title = title
        self.titleRange = titleRange
        self.paragraphs = paragraphs
        self.source = source
        self.byline = byline
    }
}
