public import ArticleModel

/// One article read from the input, or the problem that kept it from being one.
public struct InputRecord: Sendable {
    public var origin: ArticleOrigin
    public var article: Result<RawArticle, InputProblem>

    public init(origin: ArticleOrigin, article: Result<RawArticle, InputProblem>) {
        self.origin = origin
        self.article = article
    }
}
