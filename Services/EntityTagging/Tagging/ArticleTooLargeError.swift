/// Why ``ArticleEnricher`` refused a text: its cleaned text is longer than
/// ``ArticleEnricher/maximumScalars``, far beyond any news article, so tagging it would hold a
/// worker for longer than an article should. The input is at fault, not the enricher.
public struct ArticleTooLargeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The length of the cleaned text, in Unicode scalars.
    public let scalars: Int
    /// The most the enricher tags, in Unicode scalars.
    public let limit: Int

    /// The failure's name in dead-letter headers.
    public static let code = "articleTooLarge"

    public init(scalars: Int, limit: Int) {
        self.scalars = scalars
        self.limit = limit
    }

    public var description: String {
        "the cleaned text has \(scalars) Unicode scalars, more than the \(limit) an article may have"
    }
}
